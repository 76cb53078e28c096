package com.recguard.adapter.genesys;

import com.recguard.TestPaths;
import com.recguard.adapter.file.HoldRegisterFile;
import com.recguard.backfill.Backfill;
import com.recguard.backfill.Checkpoint;
import com.recguard.service.PackHolder;
import com.recguard.service.RecguardService;
import com.recguard.service.ServiceEvents;
import com.recguard.store.Store;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/**
 * Genesys-bound throughput (BENCHMARKS.md, "Genesys-bound throughput"): the back-fill over
 * {@link GenesysFleetStub} with a latency on every call (default 50 ms), through the real HTTP
 * client, rate limiter, decision path and checkpoint. A main, not a test; {@code bin/bench-genesys}
 * runs it. Each row is a fresh stub, database and state folder; the baseline (one thread, no pace)
 * is measured in the same run, and each row is set against its own theoretical bound:
 * unpaced, {@code threads / (calls per conversation x latency)} (a conversation's calls are
 * sequential); paced, {@code permits per second / API calls per conversation}.
 *
 * <p>Arguments: [conversations per paced row, default 400] [latency ms, default 50].
 */
public final class GenesysThroughputBench {

    private GenesysThroughputBench() {}

    /**
     * Ten days: the stub gives each day's conversations in turn the ten kinds, so every row of a
     * multiple of 100 conversations has the same mix (70% recorded, 30% not) and the same calls each.
     */
    static final int DAYS = 10;

    record Row(String name, int threads, int perMinute, boolean act, int conversations) {}

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 400;
        long latencyMs = args.length > 1 ? Long.parseLong(args[1]) : 50;
        PackHolder packs = new PackHolder(TestPaths.RULES, null);
        List<Row> rows = List.of(
                new Row("baseline: 1 thread, unpaced, dry run", 1, 1_000_000, false, Math.max(100, n / 4 / 100 * 100)),
                new Row("8 threads, unpaced, dry run", 8, 1_000_000, false, n),
                new Row("8 threads, paced 3000/min, dry run", 8, 3000, false, n),
                new Row("16 threads, paced 3000/min, dry run", 16, 3000, false, n),
                new Row("8 threads, paced 3000/min, --act (decisions committed)", 8, 3000, true, n));
        System.out.printf(Locale.ROOT, "Genesys stub latency %d ms per call (API and pre-signed transcript alike); %d cores; load %s%n",
                latencyMs, Runtime.getRuntime().availableProcessors(), Files.readString(Path.of("/proc/loadavg")).trim());
        System.out.println("| run | conversations | conv/s | API calls/conv | all HTTP calls/conv | bound conv/s | of bound | x baseline |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        double baseline = 0;
        for (Row row : rows) {
            Result r = run(row, packs, latencyMs);
            if (baseline == 0) {
                baseline = r.rate;
            }
            double perSecond = row.perMinute / 60.0;
            double unpacedBound = row.threads / (r.httpPerConversation * latencyMs / 1000.0);
            double bound = Math.min(unpacedBound, perSecond / r.apiPerConversation);
            System.out.printf(Locale.ROOT, "| %s | %d | %.2f | %.2f | %.2f | %.2f | %.0f%% | %.1f |%n", row.name, row.conversations,
                    r.rate, r.apiPerConversation, r.httpPerConversation, bound, 100 * r.rate / bound, r.rate / baseline);
        }
    }

    record Result(double rate, double apiPerConversation, double httpPerConversation) {}

    static Result run(Row row, PackHolder packs, long latencyMs) throws Exception {
        LocalDate first = LocalDate.of(2026, 7, 1);
        Path dir = Files.createTempDirectory("recguard-genesys-bench");
        Clock clock = Clock.systemUTC();
        try (GenesysFleetStub stub = new GenesysFleetStub(row.conversations, first, DAYS, Duration.ofMillis(latencyMs), 1);
             GenesysClient client = new GenesysClient(stub.config().withRequestsPerMinute(row.perMinute), clock);
             Store store = Store.open("jdbc:sqlite:" + dir.resolve("recguard.db"));
             Checkpoint cp = new Checkpoint(dir.resolve("state"))) {
            RecguardService service = new RecguardService(store, packs, new GenesysConversationSource(client), List.of(),
                    new HoldRegisterFile(dir.resolve("holds.json"), clock), null, clock, ServiceEvents.NONE,
                    RecguardService.Settings.defaults("bench"));
            Backfill b = new Backfill(new GenesysConversationJobs(client), new GenesysConversationSource(client), service, cp,
                    new Backfill.Settings(first.atStartOfDay(ZoneOffset.UTC).toInstant(),
                            first.plusDays(DAYS).atStartOfDay(ZoneOffset.UTC).toInstant(), row.act, row.threads, 1000,
                            Duration.ofMillis(100), Duration.ofMinutes(5), 8, Duration.ofSeconds(1)),
                    new PrintStream(OutputStream.nullOutputStream()), false, client::apiCalls);
            long listingCalls = 0;
            Backfill.Summary s = b.run();
            // what the gathering phase asked: every API call less the listing's (availability, job, polls, pages)
            // and the one-off region look-up
            listingCalls = stub.count("availability", "") + stub.count("jobs", "") + stub.count("settings", "")
                    + stub.count("mediaregions", "");
            for (String job : List.of("a7e1c2d3-0001-4f5a-8b9c-0d1e2f3a4b5c")) {
                listingCalls += stub.count("status", job) + stub.count("results", job);
            }
            int done = s.decided() + s.known();
            if (done != row.conversations) {
                throw new IllegalStateException(row.name + ": " + done + " of " + row.conversations + " decided");
            }
            double api = (double) (stub.apiCalls() - listingCalls) / done;
            long transcripts = stub.ids().stream().mapToLong(id -> stub.count("transcript", id)).sum();
            double http = api + (double) transcripts / done;
            return new Result(s.rate(), api, http);
        }
    }
}
