package com.recguard.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import com.recguard.http.EventAuth;
import com.recguard.http.ServiceHttp;
import com.recguard.json.BundleReader;
import com.recguard.adapter.file.HoldRegisterFile;
import com.recguard.metrics.PrometheusMetrics;
import com.recguard.model.Bundle;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service in-process on a random 127.0.0.1 port, driven by a real HTTP client. Genesys is
 * stood in for by a source serving fixture bundles (the Genesys adapter has its own WireMock
 * tests); handlers record what they were asked to do and fail on demand.
 */
class ServiceTest {

    static final String TOKEN = "test-token";
    static final String OPERATOR = "operator-token";

    @TempDir
    Path tmp;

    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    Map<String, Bundle> genesys = new HashMap<>();
    List<String> executed = Collections.synchronizedList(new ArrayList<>());
    Map<String, ActionException> failWith = new HashMap<>();
    Store store;
    RecguardService service;
    ServiceHttp http;
    HttpClient client = HttpClient.newHttpClient();

    ConversationSource source = new ConversationSource() {
        @Override
        public Bundle gather(String id, Instant at, List<LegalHold> holds) throws ActionException {
            Bundle b = genesys.get(id);
            if (b == null) {
                throw ActionException.permanent("404 conversation " + id + " not found", null);
            }
            var c = b.conversation();
            var conversation = new com.recguard.model.Conversation(id, c.conversationStart(), c.conversationEnd(),
                    c.originatingDirection(), c.participants());
            return new Bundle(conversation, b.recordings(), b.recordingStops(), b.ivr(), b.transcript(), holds, at, true);
        }

        @Override
        public List<String> conversationsEndedBetween(Instant from, Instant to) {
            return genesys.keySet().stream().sorted().toList();
        }
    };

    ActionHandler recorder = new ActionHandler() {
        @Override
        public Set<String> types() {
            return Set.of("ARCHIVE", "APPLY_LEGAL_HOLD", "RECORD_CONSENT", "QUEUE_FOR_QA", "ALERT");
        }

        @Override
        public void execute(ActionTask task) throws ActionException {
            ActionException e = failWith.get(task.action().type());
            if (e != null) {
                throw e;
            }
            executed.add(task.conversationId() + " " + task.action().type());
        }
    };

    @BeforeEach
    void start() throws Exception {
        genesys.put("c-uk", fixture("fixtures/conversations/clean-uk-advisory-call.json"));
        startService();
    }

    void startService() throws Exception {
        store = Store.open("jdbc:sqlite:" + tmp.resolve("recguard.db"));
        PackHolder packs = new PackHolder(TestPaths.RULES, null);
        HoldRegisterFile holds = new HoldRegisterFile(tmp.resolve("holds.json"), clock);
        service = new RecguardService(store, packs, source, List.of(recorder, new RealTimeActions()), holds, null, clock,
                ServiceEvents.NONE, RecguardService.Settings.defaults("node-1"));
        PrometheusMetrics metrics = new PrometheusMetrics(() -> 0, () -> 0, () -> 0);
        http = new ServiceHttp(service, metrics, null, new EventAuth(TOKEN, "hmac-secret"), clock)
                .withOperators(com.recguard.http.Operators.parse("operators", List.of("legal@firm,operator,"
                        + com.recguard.http.Operators.hashOf(OPERATOR))))
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        store.close();
    }

    static Bundle fixture(String path) throws Exception {
        return BundleReader.read(Files.readString(Path.of(path)));
    }

    static Bundle fixtureUnchecked(String path) {
        try {
            return fixture(path);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String event(String conversationId, String topicEnd) {
        return """
            {"version":"0","id":"e-1","detail-type":"v2.detail.events.conversation.{id}.%s","source":"aws.partner/genesys.com",
             "time":"2026-03-02T09:28:00Z","detail":{"topicName":"v2.detail.events.conversation.%s.%s","version":"2",
             "eventBody":{"conversationId":"%s","eventTime":1772443680000}}}
            """.formatted(topicEnd, conversationId, topicEnd, conversationId);
    }

    HttpResponse<String> post(String path, String body, String authorization) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                        .header("Authorization", "Bearer " + OPERATOR).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void an_ended_conversation_is_decided_and_its_actions_carried_out() throws Exception {
        var r = post("/events", event("c-uk", "customer.end"), "Bearer " + TOKEN);
        assertThat(r.statusCode()).isEqualTo(202);
        assertThat(r.body()).contains("\"accepted\":true", "\"conversationId\":\"c-uk\"");

        assertThat(service.processDue()).isEqualTo(1);
        assertThat(service.dispatchDue()).isGreaterThanOrEqualTo(1);
        assertThat(executed).contains("c-uk ARCHIVE");
        var decision = get("/decisions/c-uk");
        assertThat(decision.statusCode()).isEqualTo(200);
        assertThat(decision.body()).contains("\"recording\":\"REQUIRED\"", "\"rulePack\":\"sha256:");
    }

    @Test
    void a_signed_event_is_accepted_like_a_bearer_one() throws Exception {
        String body = event("c-uk", "user.end");
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/events"))
                .header(EventAuth.SIGNATURE_HEADER, "sha256=" + new EventAuth(TOKEN, "hmac-secret").sign(body.getBytes()))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        assertThat(client.send(req, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
    }

    @Test
    void unauthenticated_and_malformed_events_are_refused_with_a_reason_and_kept() throws Exception {
        var noAuth = post("/events", event("c-uk", "customer.end"), null);
        assertThat(noAuth.statusCode()).isEqualTo(401);
        var wrong = post("/events", event("c-uk", "customer.end"), "Bearer nope");
        assertThat(wrong.statusCode()).isEqualTo(401);
        var malformed = post("/events", "{\"detail-type\": \"x\", \"detail\": {\"topicName\": \"v2.users.u1.presence\"}}", "Bearer " + TOKEN);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("is not a topic recguard acts on");
        var broken = post("/events", "{\"detail-type\": ", "Bearer " + TOKEN);
        assertThat(broken.statusCode()).isEqualTo(400);

        var kept = get("/events/rejected");
        assertThat(kept.body()).contains("unauthenticated: no Authorization", "does not match", "invalid JSON", "v2.users.u1.presence");
        assertThat(store.events(Store.EventStatus.REJECTED, 100)).hasSize(4);
        assertThat(service.processDue()).isZero();
    }

    @Test
    void a_rate_limited_action_waits_at_least_retry_after_then_succeeds() throws Exception {
        failWith.put("ARCHIVE", ActionException.retryable("429 Too Many Requests", Duration.ofSeconds(90), null));
        post("/events", event("c-uk", "customer.end"), "Bearer " + TOKEN);
        service.processDue();
        service.dispatchDue();
        Store.Item archive = store.items(Store.ItemStatus.PENDING).stream().filter(i -> i.type().equals("ARCHIVE")).findFirst().orElseThrow();
        assertThat(archive.attempts()).isEqualTo(1);
        assertThat(archive.nextAttemptAt()).isAfterOrEqualTo(clock.instant().plusSeconds(90));
        assertThat(archive.lastError()).contains("429");

        failWith.remove("ARCHIVE");
        clock.advance(Duration.ofSeconds(60));
        service.dispatchDue();
        assertThat(executed).doesNotContain("c-uk ARCHIVE");
        clock.advance(Duration.ofSeconds(31));
        service.dispatchDue();
        assertThat(executed).containsOnlyOnce("c-uk ARCHIVE");
    }

    @Test
    void an_outage_longer_than_the_retries_dead_letters_the_action_for_an_operator_to_replay() throws Exception {
        failWith.put("ARCHIVE", ActionException.retryable("503 Service Unavailable", null, null));
        post("/events", event("c-uk", "customer.end"), "Bearer " + TOKEN);
        service.processDue();
        for (int i = 0; i < 10; i++) {
            service.dispatchDue();
            clock.advance(Duration.ofMinutes(30));
        }
        var dead = get("/deadletters");
        assertThat(dead.body()).contains("\"type\":\"ARCHIVE\"", "503 Service Unavailable");
        long id = store.items(Store.ItemStatus.DEAD).get(0).id();

        failWith.clear();
        assertThat(post("/deadletters/" + id + "/replay", "", "Bearer " + OPERATOR).statusCode()).isEqualTo(200);
        service.dispatchDue();
        assertThat(executed).containsOnlyOnce("c-uk ARCHIVE");
        assertThat(store.items(Store.ItemStatus.DEAD)).isEmpty();
    }

    @Test
    void a_restart_resumes_pending_work_and_a_repeated_event_duplicates_nothing() throws Exception {
        post("/events", event("c-uk", "customer.end"), "Bearer " + TOKEN);
        service.processDue();
        long pending = store.count("outbox", "PENDING");
        assertThat(pending).isGreaterThan(0);
        stop(); // the process goes away between decision and actions
        startService();

        post("/events", event("c-uk", "acw"), "Bearer " + TOKEN); // Genesys sends another end event
        service.processDue();
        assertThat(store.count("outbox", "PENDING")).isEqualTo(pending);
        while (service.dispatchDue() > 0) {
            clock.advance(Duration.ofSeconds(1));
        }
        assertThat(executed).containsOnlyOnce("c-uk ARCHIVE");
        assertThat(store.count("outbox", "DONE")).isEqualTo(pending);
    }

    @Test
    void a_conversation_genesys_cannot_find_fails_its_event_and_keeps_it_for_replay() throws Exception {
        post("/events", event("c-missing", "customer.end"), "Bearer " + TOKEN);
        service.processDue();
        assertThat(get("/events/failed").body()).contains("c-missing", "404 conversation c-missing not found");
        genesys.put("c-missing", fixture("fixtures/conversations/clean-uk-advisory-call.json"));
        long id = store.events(Store.EventStatus.FAILED, 10).get(0).id();
        assertThat(post("/events/" + id + "/replay", "", "Bearer " + OPERATOR).statusCode()).isEqualTo(200);
        assertThat(service.processDue()).isEqualTo(1);
    }

    @Test
    void the_consent_data_action_routes_records_or_disconnects_by_the_rule_pack() throws Exception {
        String ask = "{\"callerNumber\":\"+14155550142\",\"dialledLine\":\"%s\",\"consentDigit\":\"%s\"}";
        var refusedWithQueue = post("/consent", ask.formatted("+12125550100", "2"), "Bearer " + TOKEN);
        assertThat(refusedWithQueue.body()).contains("\"action\":\"ROUTE_TO_NON_RECORDED_QUEUE\"", "\"queue\":\"NonRecorded-NY-Service\"",
                "\"consent\":\"REFUSED\"");
        assertThat(post("/consent", ask.formatted("+442071234567", "2"), "Bearer " + TOKEN).body()).contains("\"action\":\"DISCONNECT\"");
        assertThat(post("/consent", ask.formatted("+442071234567", "1"), "Bearer " + TOKEN).body())
                .contains("\"action\":\"RECORD\"", "\"consent\":\"GIVEN\"");
        assertThat(post("/consent", ask.formatted("+442071234567", "1"), null).statusCode()).isEqualTo(401);
    }

    @Test
    void holds_are_added_and_released_through_the_api_with_an_audit_trail() throws Exception {
        var added = post("/holds", "{\"id\":\"LH-9\",\"userIds\":[\"u-advisor-7\"],\"from\":\"2026-01-01\","
                + "\"why\":\"FCA inquiry 2026-14\"}", "Bearer " + OPERATOR);
        assertThat(added.statusCode()).isEqualTo(201);
        assertThat(get("/holds").body()).contains("LH-9");
        HttpRequest noReason = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/holds/LH-9"))
                .header("Authorization", "Bearer " + OPERATOR).DELETE().build();
        assertThat(client.send(noReason, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(400);
        HttpRequest release = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port()
                + "/holds/LH-9?why=inquiry%20closed")).header("Authorization", "Bearer " + OPERATOR).DELETE().build();
        assertThat(client.send(release, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(Files.readString(tmp.resolve("holds.json.audit.jsonl")))
                .contains("\"op\":\"put\",\"holdId\":\"LH-9\",\"who\":\"legal@firm\",\"why\":\"FCA inquiry 2026-14\"")
                .contains("\"op\":\"release\",\"holdId\":\"LH-9\",\"who\":\"legal@firm\",\"why\":\"inquiry closed\"");
    }

    @Test
    void the_sweep_queues_what_no_event_brought_and_reports_where_each_conversation_stands() throws Exception {
        genesys.put("c-missed", fixture("fixtures/conversations/advisor-call-with-no-recording.json"));
        post("/events", event("c-uk", "customer.end"), "Bearer " + TOKEN);
        service.processDue();
        CompletenessSweep sweep = new CompletenessSweep(source, store, service, Duration.ofHours(1), Duration.ofMinutes(15));

        CompletenessSweep.Report first = sweep.run(clock.instant());
        assertThat(first.seen()).isEqualTo(2);
        assertThat(first.archived()).isEqualTo(1);
        assertThat(first.pending()).isEqualTo(1);
        assertThat(first.queuedNow()).as("c-missed had no event").isEqualTo(1);

        service.processDue();
        CompletenessSweep.Report second = sweep.run(clock.instant());
        assertThat(second.queuedNow()).isZero();
        assertThat(second.pending()).isZero();
        assertThat(second.withViolations()).as("c-missed has no recording").isEqualTo(1);
        assertThat(store.latestDecision("c-missed")).contains("MISSING_RECORDING");
    }

    @Test
    void health_readiness_and_metrics_answer() throws Exception {
        assertThat(get("/health").body()).isEqualTo("ok");
        assertThat(get("/ready").body()).contains("\"rulePack\":\"sha256:", "\"outboxDepth\":0");
        assertThat(get("/metrics").body()).contains("recguard_outbox_depth");
    }
}
