package com.recguard.bench;

import com.recguard.adapter.s3.S3ObjectStore;
import com.recguard.archive.ArchiveReport;
import com.recguard.archive.ArchiveRequest;
import com.recguard.archive.Archiver;
import com.recguard.archive.Buckets;
import com.recguard.archive.Conversations;
import com.recguard.json.ArchiveJson;
import com.recguard.servers.CephServer;
import com.recguard.servers.MotoServer;
import com.recguard.servers.S3Server;
import com.recguard.servers.TestBuckets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Archive throughput against plain SDK PutObject, on the same server in the same run, one
 * thread each. Archive: per conversation two 1 MiB media, an IVR capture, a transcript and the
 * manifest, each with HEAD, conditional locked PUT with checksums, read-back GET and HEAD.
 * Plain: PutObject of the same 1 MiB bodies to an unlocked bucket, nothing else.
 *
 * <p>Run: {@code scripts/bench-archive.sh [conversations] [moto|ceph|all]}; prints a Markdown table.
 */
public final class ArchiveThroughputBench {

    static final int MIB = 1 << 20;

    record Result(String server, String what, int objects, int mediaObjects, long bytes, double seconds) {
        String row() {
            return String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.2f |", server, what, objects,
                    objects / seconds, mediaObjects / seconds, bytes / (double) MIB / seconds);
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        String which = args.length > 1 ? args[1] : "all";
        List<Result> results = new ArrayList<>();
        if (!which.equals("ceph")) {
            MotoServer.binary().ifPresentOrElse(bin -> {
                try (MotoServer moto = MotoServer.start(bin)) {
                    results.addAll(run(moto, n));
                }
            }, () -> System.err.println("moto_server not installed: skipped"));
        }
        if (!which.equals("moto")) {
            if (CephServer.unavailable().isPresent()) {
                System.err.println("Ceph skipped: " + CephServer.unavailable().get());
            } else {
                try (CephServer ceph = CephServer.start()) {
                    results.addAll(run(ceph, n));
                }
            }
        }
        System.out.println("| server | what | objects | objects/s | 1 MiB media objects/s | media MiB/s |");
        System.out.println("|---|---|---|---|---|---|");
        results.forEach(r -> System.out.println(r.row()));
    }

    static List<Result> run(S3Server server, int n) {
        Path dir;
        try {
            dir = Files.createTempDirectory("recguard-bench-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Result> out = new ArrayList<>();
        try (S3ObjectStore store = server.store(); S3Client raw = server.rawClient()) {
            String locked = "bench-locked-" + server.name();
            String plain = "bench-plain-" + server.name();
            TestBuckets.locked(raw, locked);
            TestBuckets.plain(raw, plain);
            Archiver archiver = new Archiver(store, new ArchiveJson(), new Buckets(null, Map.of("eu-west-1", locked)),
                    Clock.systemUTC());
            int warm = Math.max(3, n / 5);
            List<ArchiveRequest> requests = new ArrayList<>();
            for (int i = 0; i < n + warm; i++) {
                requests.add(Conversations.request("bench-" + i, false, dir, MIB));
            }
            byte[] body = new byte[MIB];
            new Random(7).nextBytes(body);

            for (int i = 0; i < warm; i++) {
                archiver.archive(requests.get(i));
                raw.putObject(b -> b.bucket(plain).key("warm-" + Math.random()), RequestBody.fromBytes(body));
            }
            // alternate the two measurements in blocks so that drift on the machine hits both alike
            double archiveSeconds = 0;
            double plainSeconds = 0;
            int objects = 0;
            int block = Math.max(1, n / 4);
            for (int start = 0; start < n; start += block) {
                long t0 = System.nanoTime();
                for (int i = start; i < Math.min(n, start + block); i++) {
                    ArchiveReport r = archiver.archive(requests.get(warm + i));
                    objects += r.objects().size();
                }
                archiveSeconds += (System.nanoTime() - t0) / 1e9;
                long t1 = System.nanoTime();
                for (int i = start; i < Math.min(n, start + block); i++) {
                    for (int m = 0; m < 2; m++) {
                        String key = "plain/" + i + "/" + m;
                        raw.putObject(b -> b.bucket(plain).key(key), RequestBody.fromBytes(body));
                    }
                }
                plainSeconds += (System.nanoTime() - t1) / 1e9;
            }
            out.add(new Result(server.name(), "recguard archive (2 media + ivr + transcript + manifest)", objects, 2 * n,
                    2L * n * MIB, archiveSeconds));
            out.add(new Result(server.name(), "plain SDK PutObject (1 MiB)", 2 * n, 2 * n, 2L * n * MIB, plainSeconds));
        }
        return out;
    }
}
