package com.recguard.bench;

import com.recguard.adapter.file.DecisionLogFile;
import com.recguard.archive.ArchiveRequest;
import com.recguard.archive.Archiver;
import com.recguard.archive.Buckets;
import com.recguard.archive.Conversations;
import com.recguard.archive.Location;
import com.recguard.archive.ObjectStore;
import com.recguard.archive.Verifier;
import com.recguard.evidence.EvidencePacker;
import com.recguard.evidence.PackVerifier;
import com.recguard.evidence.Selection;
import com.recguard.json.ArchiveJson;
import com.recguard.json.BundleReader;
import com.recguard.json.BundleWriter;
import com.recguard.json.DecisionWriter;
import com.recguard.json.EvidenceJson;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import com.recguard.service.LogDigests;
import com.recguard.servers.MotoServer;
import com.recguard.servers.TestBuckets;
import java.io.BufferedReader;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipFile;

/**
 * Evidence packs on moto, against the archive's own {@code verify} of the same conversations in the
 * same run (the baseline: it too reads every object once). Per conversation two media of
 * {@code MIB} MiB each. Run it with a heap smaller than the pack to show nothing holds the pack:
 *
 * <pre>java -Xmx96m -cp … com.recguard.bench.EvidencePackBench [conversations] [MiB per media]</pre>
 */
public final class EvidencePackBench {

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 6;
        int mib = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        Path dir = Files.createTempDirectory("evidence-bench");
        Path bin = MotoServer.binary().orElseThrow(() -> new IllegalStateException("moto_server is not installed"));
        try (MotoServer moto = MotoServer.start(bin); ObjectStore store = moto.store(); var raw = moto.rawClient()) {
            String template = "bench-ev-{region}";
            Location at = new Location("eu-west-1", "bench-ev-eu-west-1");
            TestBuckets.locked(raw, at.bucket());
            DecisionLogFile log = new DecisionLogFile(dir.resolve("decisions.log"));
            Clock clock = Clock.systemUTC();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String id = "bench-" + i;
                ids.add(id);
                String json = Conversations.bundleJson(id, true);
                Bundle b = BundleReader.read(json);
                Decision d = Conversations.evaluator().evaluate(b);
                log.append(BundleWriter.canonical(b), d.rulePack(), d.firedRules(), DecisionWriter.writeCompact(d));
                new Archiver(store, new ArchiveJson(), new Buckets(template, Map.of()), clock)
                        .archive(new ArchiveRequest(b, d, Conversations.media(dir, id, mib << 20), ArchiveJson.labels(json)));
            }
            new LogDigests(log, store, at, Duration.ofDays(1), clock).run();
            long media = 2L * n * (mib << 20);

            long t0 = System.nanoTime();
            Verifier.Report v = new Verifier(store, new ArchiveJson()).verify(at, ids);
            double verify = (System.nanoTime() - t0) / 1e9;

            Path pack = dir.resolve("pack.zip");
            t0 = System.nanoTime();
            EvidencePacker packer = new EvidencePacker(store, new ArchiveJson(), new EvidenceJson(), clock);
            EvidencePacker.Plan plan = packer.plan(Selection.of(ids), List.of(at), at, each -> {
                try (BufferedReader r = Files.newBufferedReader(dir.resolve("decisions.log"))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        each.accept(new EvidenceJson().readLogLine(line));
                    }
                }
            });
            try (OutputStream out = Files.newOutputStream(pack)) {
                packer.write(plan, out);
            }
            double build = (System.nanoTime() - t0) / 1e9;

            t0 = System.nanoTime();
            PackVerifier.Report pr = new PackVerifier(new EvidenceJson()).verify(pack);
            double javaVerify = (System.nanoTime() - t0) / 1e9;

            Path py = dir.resolve("verify.py");
            try (ZipFile z = new ZipFile(pack.toFile())) {
                Files.copy(z.getInputStream(z.getEntry("verify.py")), py);
            }
            t0 = System.nanoTime();
            Process p = new ProcessBuilder("python3", py.toString(), pack.toString()).inheritIO().start();
            int pyCode = p.waitFor();
            double pyVerify = (System.nanoTime() - t0) / 1e9;

            double mb = media / (double) (1 << 20);
            System.out.printf(Locale.ROOT, "%d conversations, %d MiB of media, pack %d MiB, max heap %d MiB%n", n, (int) mb,
                    Files.size(pack) >> 20, Runtime.getRuntime().maxMemory() >> 20);
            System.out.println("| step | seconds | MiB/s of media | vs `verify` |");
            System.out.println("|---|---|---|---|");
            row("archive `verify` (baseline, " + v.findings().size() + " findings)", verify, mb, verify);
            row("`evidence` (plan + write zip)", build, mb, verify);
            row("`verify-evidence` (Java, " + pr.findings().size() + " findings)", javaVerify, mb, verify);
            row("`python3 verify.py` (exit " + pyCode + ")", pyVerify, mb, verify);
        }
    }

    private static void row(String what, double s, double mb, double base) {
        System.out.printf(Locale.ROOT, "| %s | %.2f | %.1f | %.2f× |%n", what, s, mb / s, s / base);
    }
}
