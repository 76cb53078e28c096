package com.recguard.cli;

import com.recguard.adapter.file.DecisionLogFile;
import com.recguard.adapter.file.HoldRegisterFile;
import com.recguard.adapter.genesys.GenesysClient;
import com.recguard.adapter.genesys.GenesysConfig;
import com.recguard.adapter.genesys.GenesysConversationJobs;
import com.recguard.adapter.genesys.GenesysConversationSource;
import com.recguard.backfill.Backfill;
import com.recguard.backfill.BackfillException;
import com.recguard.backfill.BackfillReport;
import com.recguard.backfill.Checkpoint;
import com.recguard.rules.RulePackException;
import com.recguard.service.PackHolder;
import com.recguard.service.RecguardService;
import com.recguard.service.ServiceEvents;
import com.recguard.store.Store;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code recguard backfill}: decides a past interval's conversations (docs/backfill.md). Genesys
 * and the store come from the same variables as {@code serve} (GENESYS_*, RECGUARD_DB,
 * RECGUARD_VAR, RECGUARD_HOLDS, RECGUARD_RULES), so with {@code --act} the decisions land where
 * the service and its console read them, and the service's outbox carries their actions out.
 */
@Command(name = "backfill", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
        "Decide every conversation that ended in a past interval: listed through Genesys' async analytics jobs,",
        "gathered at the org's pace, decided like the service, checkpointed (a killed run resumes), reported per day",
        "(report.json and report.html in the state folder). Without --act nothing is archived or held.",
        "Exit 0 all decided without violations, 1 violations found or conversations left failed, 2 cannot run."})
final class BackfillCommand implements Callable<Integer> {

    private final Map<String, String> env;

    @Option(names = "--from", required = true, paramLabel = "DAY",
            description = "First day (UTC, YYYY-MM-DD) or instant (2026-07-01T00:00:00Z) of the interval.")
    String from;

    @Option(names = "--to", required = true, paramLabel = "DAY",
            description = "Last day, included (UTC, YYYY-MM-DD), or the instant the interval ends (excluded).")
    String to;

    @Option(names = "--act", description = "Commit decisions and their actions (ARCHIVE, holds…) to the service's store.")
    boolean act;

    @Option(names = "--state", paramLabel = "DIR",
            description = "Checkpoint and report folder (default: RECGUARD_VAR/backfill/FROM_TO). Run again with the same to resume.")
    Path state;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "Conversations gathered at once (default ${DEFAULT-VALUE}); the pace itself is GENESYS_REQUESTS_PER_MINUTE.")
    int concurrency;

    @Option(names = "--rules", paramLabel = "DIR", description = "Rule pack folder (default: RECGUARD_RULES, else ./rules or the shipped one).")
    Path rules;

    @Option(names = "--poll-ms", paramLabel = "MS", defaultValue = "2000", hidden = true,
            description = "Wait between polls of the listing job.")
    long pollMs;

    @Spec
    CommandSpec spec;

    BackfillCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    BackfillCommand() {
        this(System.getenv());
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> problems = new ArrayList<>();
        Instant start = instant("--from", from, false, problems);
        Instant end = instant("--to", to, true, problems);
        if (start != null && end != null && !start.isBefore(end)) {
            problems.add("--from " + from + " is not before --to " + to);
        }
        if (concurrency < 1 || concurrency > 256) {
            problems.add("--concurrency " + concurrency + ": expected 1 to 256");
        }
        GenesysConfig genesys = null;
        try {
            genesys = GenesysConfig.fromEnv(env);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        String var = text("RECGUARD_VAR", "var");
        String db = text("RECGUARD_DB", "jdbc:sqlite:" + Path.of(var, "recguard.db"));
        if (!db.startsWith("jdbc:")) {
            problems.add("RECGUARD_DB: expected a JDBC URL (jdbc:sqlite:FILE or jdbc:postgresql://HOST/DB?user=...)");
        }
        if (!problems.isEmpty()) {
            err.println("recguard backfill: cannot start, " + problems.size() + " problem(s):");
            problems.forEach(p -> err.println("  " + p));
            return Main.CANNOT_RUN;
        }
        Path rulesDir = rules != null ? rules : Path.of(text("RECGUARD_RULES", Locations.defaultDir("rules").toString()));
        PackHolder packs;
        try {
            packs = new PackHolder(rulesDir, null);
        } catch (RulePackException e) {
            e.problems().forEach(err::println);
            err.println("recguard backfill: rule pack " + rulesDir + " has " + e.problems().size() + " error(s); nothing was listed");
            return Main.CANNOT_RUN;
        }
        Path dir = state != null ? state
                : Path.of(var, "backfill", start.toString().replace(':', '-') + "_" + end.toString().replace(':', '-'));
        Clock clock = Clock.systemUTC();
        String node = "backfill@" + text("RECGUARD_NODE", hostname());
        Store opened;
        try {
            Files.createDirectories(dir);
            opened = Store.open(db);
        } catch (com.recguard.store.SchemaTooNewException | IOException e) {
            err.println("recguard backfill: " + e.getMessage());
            return Main.CANNOT_RUN;
        }
        CountDownLatch finished = new CountDownLatch(1);
        Backfill[] running = new Backfill[1];
        Thread hook = new Thread(() -> {
            // SIGTERM: take no new conversation, let those in flight finish and be checkpointed
            if (running[0] != null) {
                running[0].stop();
            }
            try {
                finished.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "backfill-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try (Store store = opened;
             GenesysClient client = new GenesysClient(genesys, clock);
             Checkpoint checkpoint = new Checkpoint(dir)) {
            // The decision-log chain is in the database; this file is the back-fill's export of it,
            // apart from serve's so that two processes never append to one file.
            RecguardService service = new RecguardService(store, packs, new GenesysConversationSource(client), List.of(),
                    new HoldRegisterFile(Path.of(text("RECGUARD_HOLDS", Path.of(var, "holds.json").toString())), clock),
                    act ? new DecisionLogFile(dir.resolve("decisions.log")) : null, clock, ServiceEvents.NONE,
                    RecguardService.Settings.defaults(node));
            if (act) {
                service.resume(); // events a killed back-fill on this host had claimed are free again
            }
            Backfill.Settings settings = Backfill.Settings.of(start, end, act, concurrency);
            settings = new Backfill.Settings(settings.from(), settings.to(), act, concurrency, settings.pageSize(),
                    java.time.Duration.ofMillis(Math.max(1, pollMs)), settings.listingLimit(), settings.maxAttempts(),
                    settings.backoff());
            PrintStream errStream = new PrintStream(new WriterOutputStream(err), true, StandardCharsets.UTF_8);
            Backfill backfill = new Backfill(new GenesysConversationJobs(client), new GenesysConversationSource(client), service,
                    checkpoint, settings, errStream, System.console() != null, client::apiCalls);
            running[0] = backfill;
            Backfill.Summary s;
            try {
                s = backfill.run();
            } catch (BackfillException e) {
                err.println("recguard backfill: " + e.getMessage());
                return Main.CANNOT_RUN;
            }
            print(out, s, dir, genesys.requestsPerMinute());
            BackfillReport.Day t = s.report().total();
            return t.failed() + t.pending() == 0 && t.violations().isEmpty() ? Main.OK : Main.FINDINGS;
        } finally {
            finished.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down
            }
        }
    }

    private static void print(PrintWriter out, Backfill.Summary s, Path dir, int perMinute) {
        BackfillReport.Day t = s.report().total();
        int done = s.decided() + s.known();
        out.printf(Locale.ROOT, "listed %d; this run decided %d, found %d already decided, %d failed; %d finished by earlier runs%n",
                s.listed(), s.decided(), s.known(), s.failed(), s.earlier());
        out.printf(Locale.ROOT, "rate %.2f conversations/s over %.1f s%s (paced at %d requests/min)%n", s.rate(), s.seconds(),
                s.genesysCalls() == null || done == 0 ? ""
                        : String.format(Locale.ROOT, ", %.2f Genesys calls per conversation", (double) s.genesysCalls() / done),
                perMinute);
        out.printf(Locale.ROOT, "total: seen %d, decided %d, %s %d, exempt %d, held %d, failed %d, pending %d%n",
                t.seen(), t.decided(), s.report().acted() ? "archived" : "would archive", t.archived(), t.exempt(), t.held(),
                t.failed(), t.pending());
        t.violations().forEach((code, n) -> out.printf(Locale.ROOT, "  %s: %d%n", code, n));
        out.println("report: " + dir.resolve("report.json") + " and " + dir.resolve("report.html"));
    }

    /** A day (its start; with {@code endOfDay} the next day's start, so --to names the last day included) or an instant. */
    private static Instant instant(String option, String v, boolean endOfDay, List<String> problems) {
        try {
            if (v.contains("T")) {
                return Instant.parse(v);
            }
            LocalDate d = LocalDate.parse(v);
            return (endOfDay ? d.plusDays(1) : d).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(option + " " + v + ": expected a day (2026-07-01) or an instant (2026-07-01T00:00:00Z)");
            return null;
        }
    }

    private String text(String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    /** stderr as picocli gives it (a writer) for the progress line, which prints to a stream. */
    private static final class WriterOutputStream extends java.io.OutputStream {
        private final PrintWriter w;
        private final java.io.ByteArrayOutputStream pending = new java.io.ByteArrayOutputStream();

        WriterOutputStream(PrintWriter w) {
            this.w = w;
        }

        @Override
        public synchronized void write(int b) {
            pending.write(b);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            pending.write(b, off, len);
        }

        @Override
        public synchronized void flush() {
            w.print(pending.toString(StandardCharsets.UTF_8));
            w.flush();
            pending.reset();
        }
    }
}
