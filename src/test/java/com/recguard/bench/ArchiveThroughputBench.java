package com.recguard.bench;

import com.recguard.adapter.s3.S3ObjectStore;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Archive throughput against plain SDK PutObject, on the same server in the same run. Archive: per
 * conversation two 1 MiB media, an IVR capture, a transcript, the bundle and the manifest, each
 * with HEAD, conditional locked PUT with checksums, read-back GET (the manifest after all the
 * others). Plain: PutObject of the same 1 MiB bodies to an unlocked bucket, nothing else.
 *
 * <p>Three measurements, alternated in blocks so that drift on the shared machine hits them alike:
 * plain PutObject on one thread (the baseline of earlier runs), plain PutObject on {@code threads}
 * threads, and the archive with {@code threads} conversations at once sharing one {@link Archiver}
 * whose object pool is {@code threads} wide (as the service shares one). The ratio that counts
 * compares the archive with plain PutObject at the same concurrency. The load average and the
 * CPU time of this JVM are printed with the table: on a shared 2-core machine they say how much of
 * a core each side had.
 *
 * <p>Run: {@code scripts/bench-archive.sh [conversations] [moto|ceph|all] [threads]}; prints Markdown.
 */
public final class ArchiveThroughputBench {

    static final int MIB = 1 << 20;

    /** Size of each media object, MiB (fourth argument; default 1). */
    static int mediaMib = 1;

    record Result(String server, String what, int threads, int objects, int mediaObjects, long bytes, double seconds) {
        double mediaPerSecond() {
            return mediaObjects / seconds;
        }

        String row(Result plainSame, Result plainOne) {
            return String.format(Locale.ROOT, "| %s | %s | %d | %d | %.1f | %.1f | %.2f | %.2f | %.2f |", server, what, threads,
                    objects, objects / seconds, mediaPerSecond(), bytes / (double) MIB / seconds,
                    mediaPerSecond() / plainSame.mediaPerSecond(), mediaPerSecond() / plainOne.mediaPerSecond());
        }
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        String which = args.length > 1 ? args[1] : "all";
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : Archiver.DEFAULT_PARALLELISM;
        mediaMib = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        List<List<Result>> results = new ArrayList<>();
        String loadBefore = load();
        long cpu0 = cpuNanos();
        long t0 = System.nanoTime();
        if (!which.equals("ceph")) {
            MotoServer.binary().ifPresentOrElse(bin -> {
                try (MotoServer moto = MotoServer.start(bin)) {
                    results.add(run(moto, n, threads));
                }
            }, () -> System.err.println("moto_server not installed: skipped"));
        }
        if (!which.equals("moto")) {
            if (CephServer.unavailable().isPresent()) {
                System.err.println("Ceph skipped: " + CephServer.unavailable().get());
            } else {
                try (CephServer ceph = CephServer.start()) {
                    results.add(run(ceph, n, threads));
                }
            }
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpuNanos() - cpu0) / 1e9;
        System.out.println("| server | what | threads | objects | objects/s | " + mediaMib + " MiB media objects/s | media MiB/s"
                + " | vs plain, same threads | vs plain, 1 thread |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        for (List<Result> r : results) {
            r.forEach(x -> System.out.println(x.row(r.get(1), r.get(0))));
        }
        System.out.printf(Locale.ROOT, "%nconversations %d per server, media %d MiB; load average before %s, after %s; this JVM used %.1f s"
                + " of CPU in %.1f s (%.2f cores); %d cores%n", n, mediaMib, loadBefore, load(), cpu, wall, cpu / wall,
                Runtime.getRuntime().availableProcessors());
    }

    static List<Result> run(S3Server server, int n, int threads) {
        Path dir;
        try {
            dir = Files.createTempDirectory("recguard-bench-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        try (S3ObjectStore store = server.store(); S3Client raw = server.rawClient()) {
            String locked = "bench-locked-" + server.name();
            String plain = "bench-plain-" + server.name();
            TestBuckets.locked(raw, locked);
            TestBuckets.plain(raw, plain);
            Archiver archiver = new Archiver(store, new ArchiveJson(), new Buckets(null, Map.of("eu-west-1", locked)),
                    Clock.systemUTC(), id -> { }, threads);
            int warm = Math.max(threads, n / 5);
            List<ArchiveRequest> requests = new ArrayList<>();
            for (int i = 0; i < n + warm; i++) {
                requests.add(Conversations.request("bench-" + i, false, dir, mediaMib * MIB));
            }
            byte[] body = new byte[mediaMib * MIB];
            new Random(7).nextBytes(body);

            AtomicInteger objects = new AtomicInteger();
            parallel(workers, 0, warm, i -> objects.addAndGet(archiver.archive(requests.get(i)).objects().size()));
            parallel(workers, 0, warm, i -> raw.putObject(b -> b.bucket(plain).key("warm/" + i), RequestBody.fromBytes(body)));
            objects.set(0);
            double archiveSeconds = 0;
            double plainSeconds = 0;
            double plainOneSeconds = 0;
            int block = Math.max(threads, n / 4);
            for (int start = 0; start < n; start += block) {
                int end = Math.min(n, start + block);
                long a = System.nanoTime();
                parallel(workers, start, end, i -> objects.addAndGet(archiver.archive(requests.get(warm + i)).objects().size()));
                archiveSeconds += (System.nanoTime() - a) / 1e9;
                long p = System.nanoTime();
                parallel(workers, 2 * start, 2 * end, i -> raw.putObject(b -> b.bucket(plain).key("many/" + i),
                        RequestBody.fromBytes(body)));
                plainSeconds += (System.nanoTime() - p) / 1e9;
                long o = System.nanoTime();
                for (int i = 2 * start; i < 2 * end; i++) {
                    String key = "one/" + i;
                    raw.putObject(b -> b.bucket(plain).key(key), RequestBody.fromBytes(body));
                }
                plainOneSeconds += (System.nanoTime() - o) / 1e9;
            }
            return List.of(
                    new Result(server.name(), "plain SDK PutObject (" + mediaMib + " MiB)", 1, 2 * n, 2 * n, 2L * n * mediaMib * MIB, plainOneSeconds),
                    new Result(server.name(), "plain SDK PutObject (" + mediaMib + " MiB)", threads, 2 * n, 2 * n, 2L * n * mediaMib * MIB, plainSeconds),
                    new Result(server.name(), "recguard archive (2 media + ivr + transcript + bundle + manifest)", threads,
                            objects.get(), 2 * n, 2L * n * mediaMib * MIB, archiveSeconds));
        } finally {
            workers.shutdownNow();
        }
    }

    /** Runs {@code task} for every index in [from, to) on the workers and waits for all; a failure fails the bench. */
    static void parallel(ExecutorService workers, int from, int to, IntConsumer task) {
        List<Future<?>> fs = new ArrayList<>();
        for (int i = from; i < to; i++) {
            int k = i;
            fs.add(workers.submit(() -> task.accept(k)));
        }
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
