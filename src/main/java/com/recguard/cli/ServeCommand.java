package com.recguard.cli;

import com.recguard.adapter.genesys.GenesysActions;
import com.recguard.adapter.genesys.GenesysClient;
import com.recguard.adapter.genesys.GenesysConversationSource;
import com.recguard.adapter.genesys.GenesysMedia;
import com.recguard.adapter.genesys.GenesysQuality;
import com.recguard.adapter.sqs.SqsConsumer;
import com.recguard.adapter.webhook.AlertSink;
import com.recguard.archive.Archiver;
import com.recguard.archive.ObjectStore;
import com.recguard.console.Console;
import com.recguard.evidence.EvidenceDesk;
import com.recguard.evidence.EvidencePacker;
import com.recguard.http.EventAuth;
import com.recguard.http.Operators;
import com.recguard.http.ServiceHttp;
import com.recguard.json.ArchiveJson;
import com.recguard.json.EvidenceJson;
import com.recguard.adapter.file.DecisionLogFile;
import com.recguard.adapter.file.HoldRegisterFile;
import com.recguard.metrics.PrometheusMetrics;
import com.recguard.service.ConfigAudit;
import com.recguard.rules.PackCache;
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
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.ArrayList;
import java.time.YearMonth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code recguard serve}: the composition root of the service. The environment it was given is read
 * once into {@link ServeSettings}, which lists every bad variable before anything starts (exit 2);
 * then this one place builds the object graph, hands every schedule to one {@link ServiceRunner},
 * and on SIGTERM stops taking work, lets work in flight finish or hands it back within
 * {@code RECGUARD_SHUTDOWN_SECONDS}, closes HTTP, the store and the clients, and exits 0.
 */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
        "Run the service: Genesys events in (HTTP), facts gathered, decisions made and their actions carried out",
        "in Genesys Cloud and the Object Lock archive, durably. Settings come from the environment (see README)."})
final class ServeCommand implements Callable<Integer> {

    /** The environment this command reads its settings from: the process's, or a test's map. */
    private final Map<String, String> env;

    @Mixin
    ArchiveOptions archive;

    @Spec
    CommandSpec spec;

    ServeCommand(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** For picocli without {@link Main}'s factory (help and usage): the process environment. */
    ServeCommand() {
        this(System.getenv());
    }

    @Override
    public Integer call() throws Exception {
        var err = spec.commandLine().getErr();
        ServeSettings s;
        try {
            s = ServeSettings.from(env, archive.buckets, hostname());
        } catch (ServeSettings.Invalid e) {
            err.println("recguard serve: cannot start, " + e.problems().size() + " setting(s) wrong:");
            e.problems().forEach(p -> err.println("  " + p));
            return Main.CANNOT_RUN;
        }
        Clock clock = Clock.systemUTC();
        Files.createDirectories(s.var());
        PackHolder packs;
        try {
            packs = new PackHolder(s.rules(), s.fixtures(), PackCache.forUser(note -> { err.println(note); err.flush(); }));
        } catch (RulePackException e) {
            e.problems().forEach(err::println);
            return Main.CANNOT_RUN;
        }
        RecguardService.Settings settings = RecguardService.Settings.defaults(s.node())
                .withClaimFor(s.claimFor()).withSettleFor(s.settleFor()).withStallAfter(s.stallAfter())
                .withConcurrentActions(s.concurrentActions());
        Store opened;
        try {
            opened = Store.open(s.db());
        } catch (com.recguard.store.SchemaTooNewException e) {
            err.println("recguard serve: " + e.getMessage());
            return Main.CANNOT_RUN;
        }
        // counted down when everything is closed: the shutdown hook waits for it before the JVM exits
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(Main.CANNOT_RUN);
        try (Store store = opened;
             GenesysClient genesys = new GenesysClient(s.genesys(), clock);
             ObjectStore s3 = archive.store()) {
            GenesysConversationSource source = new GenesysConversationSource(genesys);
            Archiver archiver = new Archiver(s3, new ArchiveJson(), s.buckets(), clock);
            AlertSink alerts = new AlertSink(s.alertWebhook());
            // The sweep needs the service and the service the metrics: the gauge reads the sweep late.
            var sweepHolder = new AtomicReference<CompletenessSweep>();
            PrometheusMetrics metrics = new PrometheusMetrics(
                    () -> count(store, "outbox", "PENDING"), () -> count(store, "outbox", "DEAD"),
                    () -> sweepHolder.get() == null || sweepHolder.get().lastRun() == null ? -1
                            : Duration.between(sweepHolder.get().lastRun(), clock.instant()).toSeconds());
            DecisionLogFile decisionLog = new DecisionLogFile(s.decisionLog());
            LogDigests digests = new LogDigests(decisionLog, s3, s.buckets().of(s.homeRegion()), Duration.ofDays(2557), clock);
            RecguardService service = new RecguardService(store, packs, source, List.of(
                    new ArchiveActions(archiver, new GenesysMedia(genesys), s.var().resolve("media")),
                    new GenesysActions(genesys),
                    alerts,
                    new RealTimeActions()),
                    new HoldRegisterFile(s.holds(), clock),
                    decisionLog,
                    clock, metrics, settings);
            CompletenessSweep sweep = new CompletenessSweep(source, store, service, s.sweepWindow(), s.sweepOverlap());
            sweepHolder.set(sweep);
            service.resume();
            MonthlyCalibration calibration = new MonthlyCalibration(store, new GenesysQuality(genesys),
                    s.calibrationEvaluators(), s.calibrationsPerMonth(), "recguard-calibration");

            List<ServiceRunner.Task> tasks = new ArrayList<>(ServiceRunner.serviceTasks(service, sweep, metrics, clock,
                    s.poll(), Duration.ofSeconds(2), s.sweepWindow()));
            tasks.add(new ServiceRunner.Task("log-digests", s.digestEvery(), s.digestEvery(), digests::run));
            // Daily, for the month that ended: idempotent, so a missed day or a restart changes nothing.
            tasks.add(new ServiceRunner.Task("calibration", Duration.ofMinutes(1), Duration.ofDays(1),
                    () -> calibration.run(YearMonth.now(clock).minusMonths(1))));
            ConfigAuditSchedule configAudit = configAudit(s, alerts, clock, err);
            if (configAudit != null) {
                // checks every minute whether a run is due by the clock; the schedule keeps its own interval
                tasks.add(new ServiceRunner.Task("config-audit", Duration.ZERO, Duration.ofMinutes(1), configAudit::tick));
            }

            ServiceHttp http = new ServiceHttp(service, metrics, sweep, s.eventAuth(), clock).withCalibration(calibration)
                    .withOperators(s.operators())
                    .withEvidence(new EvidenceDesk(new EvidencePacker(s3, new ArchiveJson(), new EvidenceJson(), clock),
                            s.buckets(), s.homeRegion(), EvidenceCommand.fileLog(s.decisionLog(), new EvidenceJson())))
                    .withConsole(new Console(service, store.console(), sweep, calibration, clock))
                    .start(s.host(), s.port());
            SqsConsumer consumer = null;
            ServiceRunner runner = null;
            try {
                if (s.sqs() != null) {
                    consumer = new SqsConsumer(SqsConsumer.client(s.sqs().endpoint(), s.sqs().region(),
                            s.sqs().accessKeyId(), s.sqs().secretAccessKey()), s.sqs().queueUrl(), service);
                    consumer.start();
                }
                runner = new ServiceRunner(service, tasks);
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    stop.countDown();
                    boolean closed = false;
                    try {
                        closed = stopped.await(s.shutdownWithin().toMillis() + 2_000, TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    err.flush();
                    // SIGTERM is how a supervisor asks for a stop: a clean one exits 0, not 143
                    Runtime.getRuntime().halt(closed ? exitCode.get() : Main.CANNOT_RUN);
                }, "recguard-shutdown"));
                err.println("recguard serve: listening on " + s.host() + ":" + http.port()
                        + ", rule pack " + packs.evaluator().pack().sha256() + ", started " + Instant.now(clock)
                        + String.format(" (%.1f s after launch)", ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0));
                stop.await();
                long deadline = System.nanoTime() + s.shutdownWithin().toNanos();
                err.println("recguard serve: stopping: no new work; work in flight finishes or is handed back within "
                        + s.shutdownWithin().toSeconds() + " s");
                runner.stopTakingWork();
                http.close();
                Thread sqsStop = null;
                if (consumer != null) {
                    // a long poll can take its whole wait to return: closed beside the drain, not before it
                    SqsConsumer c = consumer;
                    sqsStop = new Thread(() -> {
                        try {
                            c.close();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }, "recguard-sqs-stop");
                    sqsStop.start();
                }
                // keep a quarter of the bound (at most 2 s) for closing the store and the clients
                long reserve = Math.min(Duration.ofSeconds(2).toNanos(), s.shutdownWithin().toNanos() / 4);
                ServiceRunner.Stopped result = runner.finish(Duration.ofNanos(Math.max(0, deadline - System.nanoTime() - reserve)));
                if (sqsStop != null) {
                    sqsStop.join(Math.max(1, (deadline - System.nanoTime() - reserve) / 1_000_000));
                }
                err.println("recguard serve: stopped; work in flight " + (result.finished() ? "finished" : "interrupted")
                        + ", " + result.handedBack() + " claims handed back");
                exitCode.set(Main.OK);
                return Main.OK;
            } finally {
                if (runner != null) {
                    runner.close();
                }
                http.close();
            }
        } finally {
            stopped.countDown();
        }
    }

    /**
     * The configuration audit (docs/config-audit.md), run by the runner: each new deviation from the
     * guide raises an ALERT, so a change made in the Genesys admin UI is caught within a run. Null
     * when the configuration pack does not compile (the service runs without it, and says so).
     */
    private ConfigAuditSchedule configAudit(ServeSettings s, AlertSink alerts, Clock clock, java.io.PrintWriter err) {
        RulePack configPack;
        try {
            configPack = RulePack.loadConfig(s.rules());
        } catch (RulePackException e) {
            err.println("recguard serve: configuration audit off, its pack does not compile: " + e.getMessage());
            return null;
        }
        ConfigAudit audit = new ConfigAudit(configPack);
        return new ConfigAuditSchedule(
                () -> audit.evaluate(LiveSnapshot.record(s.genesys(), configPack, s.buckets(), s.s3(), audit.recguardSettings(), clock)),
                alerts, clock, s.configAuditEvery());
    }

    private static long count(Store store, String table, String status) {
        try {
            return store.count(table, status);
        } catch (PersistenceException e) {
            return -1;
        }
    }

    private static String hostname() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "recguard";
        }
    }
}
