package com.recguard.cli;

import com.recguard.adapter.genesys.GenesysActions;
import com.recguard.adapter.genesys.GenesysClient;
import com.recguard.adapter.genesys.GenesysConfig;
import com.recguard.adapter.genesys.GenesysConversationSource;
import com.recguard.adapter.genesys.GenesysMedia;
import com.recguard.adapter.genesys.GenesysQuality;
import com.recguard.adapter.sqs.SqsConsumer;
import com.recguard.adapter.webhook.AlertSink;
import com.recguard.archive.Archiver;
import com.recguard.archive.ObjectStore;
import com.recguard.http.EventAuth;
import com.recguard.http.Operators;
import com.recguard.http.ServiceHttp;
import com.recguard.json.ArchiveJson;
import com.recguard.adapter.file.DecisionLogFile;
import com.recguard.adapter.file.HoldRegisterFile;
import com.recguard.metrics.PrometheusMetrics;
import com.recguard.service.ConfigAudit;
import com.recguard.rules.RulePack;
import com.recguard.rules.RulePackException;
import com.recguard.service.ConfigAuditSchedule;
import com.recguard.service.ArchiveActions;
import com.recguard.service.CompletenessSweep;
import com.recguard.service.LogDigests;
import com.recguard.service.MonthlyCalibration;
import com.recguard.service.PackHolder;
import com.recguard.service.PersistenceException;
import com.recguard.service.RealTimeActions;
import com.recguard.service.RecguardService;
import com.recguard.service.ServiceRunner;
import com.recguard.store.Store;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code recguard serve}: the composition root of the service. Every setting comes from the
 * environment (README, "Running the service"); nothing is read from the clock for decisions.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
        "Run the service: Genesys events in (HTTP), facts gathered, decisions made and their actions carried out",
        "in Genesys Cloud and the Object Lock archive, durably. Settings come from the environment (see README)."})
final class ServeCommand implements Callable<Integer> {

    /** The process environment; tests replace it. */
    static Map<String, String> env = System.getenv();

    @Mixin
    ArchiveOptions archive;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        Clock clock = Clock.systemUTC();
        Path var = Path.of(setting("RECGUARD_VAR", "var"));
        Files.createDirectories(var);
        PackHolder packs;
        try {
            packs = new PackHolder(Path.of(setting("RECGUARD_RULES", Locations.defaultDir("rules").toString())),
                    Path.of(setting("RECGUARD_FIXTURES", Locations.defaultDir("fixtures").toString())));
        } catch (RulePackException e) {
            e.problems().forEach(err::println);
            return Main.CANNOT_RUN;
        }
        EventAuth auth;
        GenesysConfig genesysConfig;
        try {
            auth = new EventAuth(env.get("RECGUARD_EVENT_TOKEN"), env.get("RECGUARD_EVENT_HMAC_SECRET"));
            genesysConfig = GenesysConfig.fromEnv(env);
        } catch (IllegalArgumentException e) {
            err.println("recguard serve: " + e.getMessage());
            return Main.CANNOT_RUN;
        }
        Operators operators;
        try {
            operators = Operators.load(Path.of(setting("RECGUARD_OPERATORS", var.resolve("operators.csv").toString())));
        } catch (Operators.OperatorsException e) {
            e.problems().forEach(p -> err.println("recguard serve: RECGUARD_OPERATORS: " + p));
            return Main.CANNOT_RUN;
        }
        if (operators.knowsToken(env.get("RECGUARD_EVENT_TOKEN"))) {
            err.println("recguard serve: RECGUARD_OPERATORS lists the event-source token; operators need tokens of their own");
            return Main.CANNOT_RUN;
        }
        RecguardService.Settings settings;
        try {
            settings = RecguardService.Settings.defaults(setting("RECGUARD_NODE", hostname()))
                    .withClaimFor(Duration.ofSeconds(positive("RECGUARD_CLAIM_SECONDS", 300)))
                    .withSettleFor(Duration.ofMinutes(positive("RECGUARD_SETTLE_MINUTES", 60)))
                    .withStallAfter(Duration.ofSeconds(positive("RECGUARD_STALL_SECONDS", 120)));
        } catch (IllegalArgumentException e) {
            err.println("recguard serve: " + e.getMessage());
            return Main.CANNOT_RUN;
        }
        Store opened;
        try {
            opened = Store.open(setting("RECGUARD_DB", "jdbc:sqlite:" + var.resolve("recguard.db")));
        } catch (com.recguard.store.SchemaTooNewException e) {
            err.println("recguard serve: " + e.getMessage());
            return Main.CANNOT_RUN;
        }
        try (Store store = opened;
             GenesysClient genesys = new GenesysClient(genesysConfig, clock);
             ObjectStore s3 = archive.store()) {
            GenesysConversationSource source = new GenesysConversationSource(genesys);
            Archiver archiver = new Archiver(s3, new ArchiveJson(), archive.buckets(), clock);
            String webhook = env.get("RECGUARD_ALERT_WEBHOOK");
            // The sweep needs the service and the service the metrics: the gauge reads the sweep late.
            var sweepHolder = new java.util.concurrent.atomic.AtomicReference<CompletenessSweep>();
            PrometheusMetrics metrics = new PrometheusMetrics(
                    () -> count(store, "outbox", "PENDING"), () -> count(store, "outbox", "DEAD"),
                    () -> sweepHolder.get() == null || sweepHolder.get().lastRun() == null ? -1
                            : Duration.between(sweepHolder.get().lastRun(), clock.instant()).toSeconds());
            DecisionLogFile decisionLog = new DecisionLogFile(Path.of(setting("RECGUARD_DECISION_LOG",
                    var.resolve("decisions.log").toString())));
            LogDigests digests = new LogDigests(decisionLog, s3, archive.buckets().of(setting("RECGUARD_HOME_REGION", "eu-west-1")),
                    Duration.ofDays(2557), clock);
            RecguardService service = new RecguardService(store, packs, source, List.of(
                    new ArchiveActions(archiver, new GenesysMedia(genesys), var.resolve("media")),
                    new GenesysActions(genesys),
                    new AlertSink(webhook == null || webhook.isBlank() ? null : URI.create(webhook)),
                    new RealTimeActions()),
                    new HoldRegisterFile(Path.of(setting("RECGUARD_HOLDS", var.resolve("holds.json").toString())), clock),
                    decisionLog,
                    clock, metrics, settings);
            CompletenessSweep sweep = new CompletenessSweep(source, store, service,
                    Duration.ofMinutes(Long.parseLong(setting("RECGUARD_SWEEP_MINUTES", "60"))),
                    Duration.ofMinutes(Long.parseLong(setting("RECGUARD_SWEEP_OVERLAP_MINUTES", "15"))));
            sweepHolder.set(sweep);
            service.resume();
            MonthlyCalibration calibration = new MonthlyCalibration(store, new GenesysQuality(genesys),
                    List.of(setting("GENESYS_QA_CALIBRATION_EVALUATORS", genesysConfig.qaEvaluatorId()).split("\\s*,\\s*")),
                    Integer.parseInt(setting("RECGUARD_CALIBRATIONS_PER_MONTH", "3")), "recguard-calibration");
            try (ServiceHttp http = new ServiceHttp(service, metrics, sweep, auth, clock).withCalibration(calibration).withOperators(operators)
                         .start(setting("RECGUARD_HOST", "127.0.0.1"), Integer.parseInt(setting("RECGUARD_PORT", "8080")));
                 ServiceRunner runner = new ServiceRunner(service, sweep, metrics, clock,
                         Duration.ofMillis(Long.parseLong(setting("RECGUARD_POLL_MS", "200"))), Duration.ofSeconds(2),
                         Duration.ofMinutes(Long.parseLong(setting("RECGUARD_SWEEP_MINUTES", "60"))))) {
                String queue = env.get("RECGUARD_SQS_QUEUE_URL");
                if (queue != null && !queue.isBlank()) {
                    String sqsEndpoint = env.get("AWS_ENDPOINT_URL_SQS");
                    SqsConsumer consumer = new SqsConsumer(SqsConsumer.client(
                            sqsEndpoint == null || sqsEndpoint.isBlank() ? null : URI.create(sqsEndpoint),
                            setting("AWS_REGION", "eu-west-1"), env.get("AWS_ACCESS_KEY_ID"), env.get("AWS_SECRET_ACCESS_KEY")),
                            queue, service);
                    consumer.start();
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            consumer.close();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }));
                }
                err.println("recguard serve: listening on " + setting("RECGUARD_HOST", "127.0.0.1") + ":" + http.port()
                        + ", rule pack " + packs.evaluator().pack().sha256() + ", started " + Instant.now(clock));
                var digestTimer = java.util.concurrent.Executors.newScheduledThreadPool(2);
                startConfigAudit(digestTimer, webhook, clock, err);
                // Daily, for the month that ended: idempotent, so a missed day or a restart changes nothing.
                digestTimer.scheduleWithFixedDelay(() -> {
                    try {
                        calibration.run(java.time.YearMonth.now(clock).minusMonths(1));
                    } catch (Exception e) {
                        err.println("recguard serve: monthly calibration not created, retried tomorrow: " + e.getMessage());
                    }
                }, 1, 24 * 60, java.util.concurrent.TimeUnit.MINUTES);
                long digestEvery = Long.parseLong(setting("RECGUARD_DIGEST_MINUTES", "60"));
                digestTimer.scheduleWithFixedDelay(() -> {
                    try {
                        digests.run();
                    } catch (RuntimeException e) {
                        err.println("recguard serve: decision-log digest not written, retried next time: " + e.getMessage());
                    }
                }, digestEvery, digestEvery, java.util.concurrent.TimeUnit.MINUTES);
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                stop.await();
            }
        }
        return Main.OK;
    }

    /**
     * The configuration audit (docs/config-audit.md) on a schedule: each new deviation from the
     * guide raises an ALERT, so a change made in the Genesys admin UI is caught within a run.
     */
    private void startConfigAudit(java.util.concurrent.ScheduledExecutorService timer, String webhook, Clock clock,
                                  java.io.PrintWriter err) {
        RulePack configPack;
        try {
            configPack = RulePack.loadConfig(Path.of(setting("RECGUARD_RULES", Locations.defaultDir("rules").toString())));
        } catch (RulePackException e) {
            err.println("recguard serve: configuration audit off, its pack does not compile: " + e.getMessage());
            return;
        }
        ConfigAudit audit = new ConfigAudit(configPack);
        ConfigAuditSchedule schedule = new ConfigAuditSchedule(
                () -> audit.evaluate(LiveSnapshot.record(env, configPack, archive.buckets(), archive.settings(),
                        audit.recguardSettings())),
                new AlertSink(webhook == null || webhook.isBlank() ? null : URI.create(webhook)), clock,
                Duration.ofMinutes(Long.parseLong(setting("RECGUARD_CONFIG_AUDIT_MINUTES", "360"))));
        schedule.start(timer);
    }

    private static long count(Store store, String table, String status) {
        try {
            return store.count(table, status);
        } catch (PersistenceException e) {
            return -1;
        }
    }

    /** A whole number above zero, or an IllegalArgumentException naming the variable. */
    private static long positive(String name, long fallback) {
        String v = setting(name, null);
        if (v == null) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + "=" + v + " is not a whole number above zero");
    }

    private static String setting(String name, String fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : v;
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "recguard";
        }
    }
}
