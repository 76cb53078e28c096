package com.recguard.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import com.recguard.http.EventAuth;
import com.recguard.http.ServiceHttp;
import com.recguard.adapter.file.HoldRegisterFile;
import com.recguard.metrics.PrometheusMetrics;
import com.recguard.model.Bundle;
import com.recguard.model.Conversation;
import com.recguard.model.LegalHold;
import com.recguard.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bad conversation never stops the others (Kafka Streams' poison-pill handling): whatever
 * gathering, evaluating or saving throws marks that event failed with its reason, listed, counted
 * and alerted once, and the next conversation is decided. Real HTTP and a real SQLite file.
 */
class ContainedFailuresTest {

    static final String TOKEN = "t";

    @TempDir
    Path tmp;

    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    Map<String, Function<String, Bundle>> genesys = new ConcurrentHashMap<>();
    List<String> executed = Collections.synchronizedList(new ArrayList<>());
    List<String> alerts = Collections.synchronizedList(new ArrayList<>());
    Map<String, CountDownLatch> onExecute = new HashMap<>();
    Store store;
    RecguardService service;
    ServiceHttp http;
    PrometheusMetrics metrics = new PrometheusMetrics(() -> 0, () -> 0, () -> 0);
    HttpClient client = HttpClient.newHttpClient();

    ConversationSource source = new ConversationSource() {
        @Override
        public Bundle gather(String id, Instant at, List<LegalHold> holds) throws ActionException {
            Function<String, Bundle> answer = genesys.get(id);
            if (answer == null) {
                throw ActionException.permanent("404 conversation " + id + " not found", null);
            }
            return answer.apply(id);
        }

        @Override
        public List<String> conversationsEndedBetween(Instant from, Instant to) {
            return List.of();
        }
    };

    ActionHandler recorder = new ActionHandler() {
        @Override
        public Set<String> types() {
            return Set.of("ARCHIVE", "APPLY_LEGAL_HOLD", "RECORD_CONSENT", "QUEUE_FOR_QA", "ALERT");
        }

        @Override
        public void execute(ActionTask task) {
            executed.add(task.conversationId() + " " + task.action().type());
            CountDownLatch l = onExecute.get(task.action().type());
            if (l != null) {
                l.countDown();
            }
        }

        @Override
        public void failed(String conversationId, String reason) {
            alerts.add(conversationId + ": " + reason);
        }
    };

    @BeforeEach
    void start() throws Exception {
        genesys.put("c-uk", id -> renamed(ServiceTest.fixtureUnchecked("fixtures/conversations/clean-uk-advisory-call.json"), id));
        store = Store.open("jdbc:sqlite:" + tmp.resolve("recguard.db"));
        service = new RecguardService(store, new PackHolder(TestPaths.RULES, null), source, List.of(recorder, new RealTimeActions()),
                new HoldRegisterFile(tmp.resolve("holds.json"), clock), null, clock, metrics,
                RecguardService.Settings.defaults("node-1"));
        http = new ServiceHttp(service, metrics, null, new EventAuth(TOKEN, null), clock)
                .withOperators(com.recguard.http.Operators.parse("operators", List.of("compliance@firm,operator,"
                        + com.recguard.http.Operators.hashOf(ServiceTest.OPERATOR))))
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        store.close();
    }

    static Bundle renamed(Bundle b, String id) {
        var c = b.conversation();
        return new Bundle(new Conversation(id, c.conversationStart(), c.conversationEnd(), c.originatingDirection(), c.participants()),
                b.recordings(), b.recordingStops(), b.ivr(), b.transcript(), b.legalHolds(), b.evaluatedAt(), b.settled());
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                // Events come from the event source; everything else is an operator's.
                .header("Authorization", "Bearer " + (path.startsWith("/events") && method.equals("POST")
                        && !path.endsWith("/replay") ? TOKEN : ServiceTest.OPERATOR))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    void event(String conversationId) throws Exception {
        assertThat(send("POST", "/events", ServiceTest.event(conversationId, "customer.end")).statusCode()).isEqualTo(202);
    }

    @Test
    void a_detail_about_no_conversation_or_another_one_fails_that_event_and_the_next_conversation_is_decided() throws Exception {
        genesys.put("c-empty", id -> renamed(ServiceTest.fixtureUnchecked("fixtures/conversations/clean-uk-advisory-call.json"), null));
        genesys.put("c-asked", id -> renamed(ServiceTest.fixtureUnchecked("fixtures/conversations/clean-uk-advisory-call.json"), "c-other"));
        genesys.put("c-crash", id -> {
            throw new IllegalStateException("detail mapper met an unexpected shape");
        });
        event("c-empty");
        event("c-asked");
        event("c-crash");
        event("c-uk");

        assertThat(service.processDue()).isEqualTo(4);

        String failed = send("GET", "/events/failed", null).body();
        assertThat(failed).contains("c-empty", "answered about no conversation", "c-asked",
                "answered about conversation c-other when asked for c-asked", "c-crash", "detail mapper met an unexpected shape");
        assertThat(store.latestDecision("c-other")).as("nothing filed under a foreign id").isNull();
        assertThat(store.latestDecision("c-asked")).isNull();
        assertThat(store.latestDecision("c-uk")).contains("\"conversationId\":\"c-uk\"");

        while (service.dispatchDue() > 0) {
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(executed).contains("c-uk ARCHIVE");
        assertThat(alerts).hasSize(3).anySatisfy(a -> assertThat(a).startsWith("c-crash: gathering facts failed"));
        assertThat(metrics.scrape()).contains("recguard_events_total{result=\"failed\"} 3.0");
    }

    @Test
    void an_evaluation_that_throws_fails_its_event_and_the_next_conversation_is_decided() throws Exception {
        // A pack that contradicts itself for one conversation: the evaluator throws ContradictionException.
        Path rules = tmp.resolve("rules");
        copy(TestPaths.RULES, rules);
        Files.writeString(rules.resolve("recording/TST-001-contradiction.drl"), """
            package rules.recording;

            import com.recguard.facts.*;
            import com.recguard.model.*;

            rule "Test only: the poisoned conversation is also prohibited"
                @id("TST-001")
            when
                Call(conversationId == "c-poison")
            then
                insertLogical(new RecordingStatus("PROHIBITED"));
            end
            """);
        RecguardService contradicting = new RecguardService(store, new PackHolder(rules, null), source, List.of(recorder),
                new HoldRegisterFile(tmp.resolve("holds.json"), clock), null, clock, metrics,
                RecguardService.Settings.defaults("node-1"));
        genesys.put("c-poison", id -> renamed(ServiceTest.fixtureUnchecked("fixtures/conversations/clean-uk-advisory-call.json"), id));
        event("c-poison");
        event("c-uk");

        assertThat(contradicting.processDue()).isEqualTo(2);

        assertThat(store.latestDecision("c-uk")).isNotNull();
        Store.Event failed = store.events(Store.EventStatus.FAILED, 10).get(0);
        assertThat(failed.conversationId()).isEqualTo("c-poison");
        assertThat(failed.reason()).startsWith("evaluation failed: ").contains("the rule pack contradicts itself");
        assertThat(contradicting.processDue()).as("the poison pill is not retried in a loop").isZero();
        contradicting.dispatchDue();
        assertThat(alerts).singleElement().satisfies(a -> assertThat(a).startsWith("c-poison: evaluation failed"));

        long id = failed.id();
        assertThat(send("POST", "/events/" + id + "/replay", "").statusCode()).isEqualTo(200);
        assertThat(service.processDue()).as("replayed under a pack that does not contradict itself").isEqualTo(1);
        assertThat(store.latestDecision("c-poison")).isNotNull();
        service.dispatchDue();
        assertThat(alerts).as("one ALERT per failed event").hasSize(1);
    }

    static void copy(Path from, Path to) throws java.io.IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void ready_turns_503_with_the_reason_when_due_work_makes_no_progress_and_200_again_when_it_does() throws Exception {
        assertThat(send("GET", "/ready", null).statusCode()).isEqualTo(200);
        event("c-uk");
        clock.advance(Duration.ofMinutes(3));
        var stalled = send("GET", "/ready", null);
        assertThat(stalled.statusCode()).isEqualTo(503);
        assertThat(stalled.body()).contains("processing has made no progress for 180 s with 1 events due");

        service.processDue();
        assertThat(send("GET", "/ready", null).statusCode()).isEqualTo(200);
    }

    @Test
    void actions_are_dispatched_while_processing_is_stuck_on_a_hung_source() throws Exception {
        event("c-uk");
        service.processDue(); // c-uk decided, its actions wait in the outbox
        CountDownLatch hung = new CountDownLatch(1);
        CountDownLatch gatherStarted = new CountDownLatch(1);
        genesys.put("c-hang", id -> {
            gatherStarted.countDown();
            try {
                hung.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("released");
        });
        event("c-hang");
        CountDownLatch archived = new CountDownLatch(1);
        onExecute.put("ARCHIVE", archived);
        try (ServiceRunner runner = new ServiceRunner(service, null, ServiceEvents.NONE, clock, Duration.ofMillis(20),
                Duration.ofHours(1), Duration.ofHours(1))) {
            assertThat(gatherStarted.await(30, TimeUnit.SECONDS)).as("processing reached the hung gather").isTrue();
            assertThat(archived.await(30, TimeUnit.SECONDS)).as("dispatch went on without processing").isTrue();
            hung.countDown();
        }
        assertThat(executed).contains("c-uk ARCHIVE");
    }

    @Test
    void a_scheduled_task_that_throws_keeps_its_schedule_and_the_service_loops_go_on() throws Exception {
        CountDownLatch threeFailures = new CountDownLatch(3);
        CountDownLatch threeErrors = new CountDownLatch(3);
        CountDownLatch archived = new CountDownLatch(1);
        onExecute.put("ARCHIVE", archived);
        List<ServiceRunner.Task> tasks = new ArrayList<>(ServiceRunner.serviceTasks(service, null, ServiceEvents.NONE, clock,
                Duration.ofMillis(20), Duration.ofHours(1), Duration.ofHours(1)));
        tasks.add(new ServiceRunner.Task("broken", Duration.ZERO, Duration.ofMillis(10), () -> {
            threeFailures.countDown();
            throw new IllegalStateException("the digest store is down");
        }));
        tasks.add(new ServiceRunner.Task("worse", Duration.ZERO, Duration.ofMillis(10), () -> {
            threeErrors.countDown();
            throw new AssertionError("an Error, not an Exception");
        }));
        event("c-uk");
        try (ServiceRunner runner = new ServiceRunner(service, tasks)) {
            assertThat(threeFailures.await(30, TimeUnit.SECONDS)).as("a throwing task runs again").isTrue();
            assertThat(threeErrors.await(30, TimeUnit.SECONDS)).as("so does one throwing an Error").isTrue();
            assertThat(archived.await(30, TimeUnit.SECONDS)).as("the service's own tasks went on").isTrue();
            assertThat(runner.failedPasses()).isGreaterThanOrEqualTo(6);
        }
        assertThat(executed).contains("c-uk ARCHIVE");
    }

    @Test
    void stopping_lets_the_pass_in_flight_finish_and_starts_no_new_one() throws Exception {
        CountDownLatch inFlight = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> passes = Collections.synchronizedList(new ArrayList<>());
        ServiceRunner runner = new ServiceRunner(service, List.of(new ServiceRunner.Task("slow", Duration.ZERO, Duration.ofMillis(10), () -> {
            passes.add("started");
            inFlight.countDown();
            release.await();
            passes.add("finished");
        })));
        assertThat(inFlight.await(30, TimeUnit.SECONDS)).isTrue();
        runner.stopTakingWork();
        event("c-uk");
        release.countDown();

        ServiceRunner.Stopped stopped = runner.finish(Duration.ofSeconds(30));

        assertThat(stopped.finished()).isTrue();
        assertThat(passes).containsExactly("started", "finished");
        assertThat(service.processDue()).as("a stopped service claims no new event").isZero();
        assertThat(store.latestDecision("c-uk")).isNull();
    }
}
