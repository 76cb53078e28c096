package com.recguard.adapter.genesys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recguard.TestPaths;
import com.recguard.adapter.file.HoldRegisterFile;
import com.recguard.backfill.Backfill;
import com.recguard.backfill.BackfillException;
import com.recguard.backfill.BackfillReport;
import com.recguard.backfill.Checkpoint;
import com.recguard.backfill.Outcome;
import com.recguard.json.DecisionReader;
import com.recguard.model.Decision;
import com.recguard.service.Outbox;
import com.recguard.service.PackHolder;
import com.recguard.service.RecguardService;
import com.recguard.service.ServiceEvents;
import com.recguard.store.Store;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The back-fill in process, against {@link GenesysFleetStub} over HTTP: listing through an async
 * job, gathering each conversation once, the report's counts against the decisions themselves.
 */
class BackfillTest {

    static final LocalDate FIRST = LocalDate.of(2026, 7, 1);
    static final Instant FROM = FIRST.atStartOfDay(ZoneOffset.UTC).toInstant();
    static final Instant TO = FIRST.plusDays(5).atStartOfDay(ZoneOffset.UTC).toInstant();

    static PackHolder packs;

    @TempDir
    Path tmp;

    GenesysFleetStub stub;
    final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();

    @BeforeAll
    static void pack() throws Exception {
        packs = new PackHolder(TestPaths.RULES, null);
    }

    @AfterEach
    void stop() {
        if (stub != null) {
            stub.close();
        }
    }

    private Backfill.Summary run(Store store, boolean act, Instant to, GenesysConfig config) throws Exception {
        Clock clock = Clock.systemUTC();
        try (GenesysClient client = new GenesysClient(config.withRequestsPerMinute(600_000), clock); Checkpoint cp = new Checkpoint(tmp.resolve("state"))) {
            RecguardService service = new RecguardService(store, packs, new GenesysConversationSource(client), List.of(),
                    new HoldRegisterFile(tmp.resolve("holds.json"), clock), null, clock, ServiceEvents.NONE,
                    RecguardService.Settings.defaults("backfill-test"));
            Backfill b = new Backfill(new GenesysConversationJobs(client), new GenesysConversationSource(client), service, cp,
                    new Backfill.Settings(FROM, to, act, 4, 7, Duration.ofMillis(10), Duration.ofMinutes(1), 4,
                            Duration.ofMillis(50)),
                    new PrintStream(errBytes, true, StandardCharsets.UTF_8), false, client::apiCalls);
            return b.run();
        }
    }

    @Test
    void aDryRunListsThroughOneAsyncJobGathersEachConversationOnceAndReportsEveryDay() throws Exception {
        stub = new GenesysFleetStub(60, FIRST, 5, Duration.ZERO, 2);
        try (Store store = Store.open("jdbc:sqlite:" + tmp.resolve("db"))) {
            Backfill.Summary s = run(store, false, TO, stub.config());

            assertThat(stub.jobsSubmitted()).isEqualTo(1);
            // QUEUED twice, PENDING once, then FULFILLED; paged 7 at a time through the cursor
            String job = "a7e1c2d3-0001-4f5a-8b9c-0d1e2f3a4b5c";
            assertThat(stub.count("status", job)).isEqualTo(4);
            assertThat(stub.count("results", job)).isEqualTo((60 + 6) / 7);
            // the job's interval reaches back by the sweep look-back, to find calls that started before FROM
            assertThat(stub.lastInterval()).isEqualTo(FROM.minus(Duration.ofHours(48)) + "/" + TO);
            assertThat(stub.ids()).allSatisfy(id -> assertThat(stub.gathers(id)).as(id).isEqualTo(1));
            assertThat(s.decided()).isEqualTo(60);
            assertThat(s.failed()).isZero();

            BackfillReport r = s.report();
            assertThat(r.acted()).isFalse();
            assertThat(r.days()).extracting(BackfillReport.Day::day)
                    .containsExactly("2026-07-01", "2026-07-02", "2026-07-03", "2026-07-04", "2026-07-05");
            assertThat(r.days()).allSatisfy(d -> assertThat(d.seen()).isEqualTo(12));
            // nothing committed without --act
            assertThat(stub.ids()).allSatisfy(id -> assertThat(store.latestDecision(id)).isNull());
            assertThat(store.items(Outbox.ItemStatus.PENDING)).isEmpty();
            // a conversation with no audio recording (no recording at all, or only the screen) is
            // MISSING_RECORDING; the recorded ones carry the template's hold (its transcript)
            long noAudio = stub.ids().stream().filter(id -> stub.kind(id) >= 7).count();
            assertThat(noAudio).isEqualTo(15);
            assertThat(r.total().violations()).isEqualTo(new TreeMap<>(Map.of("MISSING_RECORDING", 15)));
            assertThat(r.total().held()).isEqualTo(60 - 15);
            assertThat(r.days()).allSatisfy(d -> assertThat(d.violations().get("MISSING_RECORDING")).isEqualTo(3));
            assertThat(tmp.resolve("state/report.json")).content().contains("\"seen\":60");
            assertThat(tmp.resolve("state/report.html")).content().contains("<td>2026-07-03</td><td>12</td>");
        }
    }

    @Test
    void withActEveryDecisionLandsInTheServiceStoreWithItsActionsAndTheReportCountsExactlyThem() throws Exception {
        stub = new GenesysFleetStub(50, FIRST, 5, Duration.ZERO, 0);
        try (Store store = Store.open("jdbc:sqlite:" + tmp.resolve("db"))) {
            Backfill.Summary s = run(store, true, TO, stub.config());
            assertThat(s.decided()).isEqualTo(50);

            // the report, recomputed here from the store's decisions by day
            Map<String, int[]> fromStore = new TreeMap<>();
            Map<String, Map<String, Integer>> codes = new TreeMap<>();
            int archiveItems = 0;
            for (String id : stub.ids()) {
                String json = store.latestDecision(id);
                assertThat(json).as("decision of " + id).isNotNull();
                Decision d = DecisionReader.read(json);
                String day = stub.day(id).toString();
                int[] c = fromStore.computeIfAbsent(day, k -> new int[4]);
                c[0]++;
                boolean archive = d.actions().stream().anyMatch(a -> a.type().equals("ARCHIVE"));
                c[1] += archive ? 1 : 0;
                c[2] += "EXEMPT".equals(d.recording()) ? 1 : 0;
                c[3] += d.legalHold() ? 1 : 0;
                archiveItems += archive ? 1 : 0;
                d.violations().forEach(v -> codes.computeIfAbsent(day, k -> new TreeMap<>()).merge(v.code(), 1, Integer::sum));
            }
            for (BackfillReport.Day d : s.report().days()) {
                int[] c = fromStore.get(d.day());
                assertThat(new int[] {d.decided(), d.archived(), d.exempt(), d.held()}).as(d.day()).containsExactly(c);
                assertThat(d.violations()).as(d.day()).isEqualTo(codes.getOrDefault(d.day(), Map.of()));
            }
            assertThat(s.report().total().archived()).isPositive();
            // ARCHIVE waits in the outbox for the service's handlers, one entry per archived conversation
            assertThat(store.items(Outbox.ItemStatus.PENDING).stream().filter(i -> i.type().equals("ARCHIVE")).count())
                    .isEqualTo(archiveItems);
            // journaled as the back-fill's events, decided by this node
            assertThat(store.events(com.recguard.service.Journal.EventStatus.PROCESSED, 100))
                    .hasSize(50).allSatisfy(e -> assertThat(e.source()).isEqualTo("backfill"));
        }
    }

    @Test
    void aRunAgainOverAFinishedIntervalGathersNothingAndCountsTheSame() throws Exception {
        stub = new GenesysFleetStub(20, FIRST, 5, Duration.ZERO, 0);
        try (Store store = Store.open("jdbc:sqlite:" + tmp.resolve("db"))) {
            Backfill.Summary first = run(store, true, TO, stub.config());
            Backfill.Summary again = run(store, true, TO, stub.config());
            assertThat(again.earlier()).isEqualTo(20);
            assertThat(again.decided() + again.known()).isZero();
            assertThat(stub.jobsSubmitted()).as("the listing was kept").isEqualTo(1);
            assertThat(stub.ids()).allSatisfy(id -> assertThat(stub.gathers(id)).isEqualTo(1));
            assertThat(again.report()).isEqualTo(first.report());
        }
    }

    @Test
    void aConversationTheServiceAlreadyDecidedIsReportedFromTheStoreNotGatheredAgain() throws Exception {
        stub = new GenesysFleetStub(10, FIRST, 5, Duration.ZERO, 0);
        try (Store store = Store.open("jdbc:sqlite:" + tmp.resolve("db"))) {
            run(store, true, TO, stub.config());
            // a new state folder: the checkpoint knows nothing, the store everything
            Path other = tmp.resolve("state");
            java.nio.file.Files.delete(other.resolve("done.tsv"));
            Backfill.Summary s = run(store, true, TO, stub.config());
            assertThat(s.known()).isEqualTo(10);
            assertThat(stub.ids()).allSatisfy(id -> assertThat(stub.gathers(id)).isEqualTo(1));
            assertThat(s.report().total().decided()).isEqualTo(10);
        }
    }

    @Test
    void a429IsWaitedOutForItsRetryAfterAndTheConversationGatheredAgain() throws Exception {
        stub = new GenesysFleetStub(12, FIRST, 5, Duration.ZERO, 0);
        String unlucky = stub.ids().get(3);
        stub.throttleFirstGather(unlucky, 1);
        try (Store store = Store.open("jdbc:sqlite:" + tmp.resolve("db"))) {
            Backfill.Summary s = run(store, false, TO, stub.config());
            assertThat(s.failed()).isZero();
            assertThat(s.decided()).isEqualTo(12);
            assertThat(stub.gathers(unlucky)).isEqualTo(2);
            Map<String, Outcome> outcomes = new Checkpoint(tmp.resolve("state")).outcomes();
            assertThat(outcomes.get(unlucky).status()).isEqualTo(Outcome.Status.DECIDED);
        }
    }

    @Test
    void anIntervalBeyondTheDateAnalyticsDataIsCompleteToIsRefusedBeforeAnyJob() throws Exception {
        stub = new GenesysFleetStub(5, FIRST, 5, Duration.ZERO, 0);
        Instant tooLate = FIRST.plusDays(400).atStartOfDay(ZoneOffset.UTC).toInstant();
        try (Store store = Store.open("jdbc:sqlite:" + tmp.resolve("db"))) {
            assertThatThrownBy(() -> run(store, false, tooLate, stub.config()))
                    .isInstanceOf(BackfillException.class)
                    .hasMessageContaining("complete only up to").hasMessageContaining(tooLate.toString());
            assertThat(stub.jobsSubmitted()).isZero();
        }
    }
}
