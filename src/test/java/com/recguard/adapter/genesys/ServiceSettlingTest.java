package com.recguard.adapter.genesys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.recguard.adapter.genesys.GenesysStub.API;
import static com.recguard.adapter.genesys.GenesysStub.CONVERSATION_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.recguard.TestPaths;
import com.recguard.adapter.s3.S3ObjectStore;
import com.recguard.adapter.s3.S3Settings;
import com.recguard.adapter.webhook.AlertSink;
import com.recguard.archive.Archiver;
import com.recguard.archive.Buckets;
import com.recguard.archive.Keys;
import com.recguard.http.EventAuth;
import com.recguard.http.ServiceHttp;
import com.recguard.json.ArchiveJson;
import com.recguard.adapter.file.HoldRegisterFile;
import com.recguard.metrics.PrometheusMetrics;
import com.recguard.service.ArchiveActions;
import com.recguard.service.PackHolder;
import com.recguard.service.RealTimeActions;
import com.recguard.service.RecguardService;
import com.recguard.servers.S3Server;
import com.recguard.servers.SharedServers;
import com.recguard.servers.TestBuckets;
import com.recguard.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * POLICY.md §3 *Settling*, end to end: Genesys as WireMock answering as the real API does while
 * recordings upload (fileState UPLOADING, then AVAILABLE; pause annotations only while a recording
 * is AVAILABLE), the service in-process on a random port with a real HTTP client and SQLite file,
 * and a real S3 server (moto, else Ceph) with Object Lock. The clock is moved by hand between
 * gathers, so the settle backoff is exercised without waiting.
 */
class ServiceSettlingTest {

    @RegisterExtension
    static WireMockExtension wm = GenesysStub.server();

    @TempDir
    Path tmp;

    GenesysStub.MovableClock clock = new GenesysStub.MovableClock(Instant.now());
    String template;
    Buckets buckets;
    GenesysClient genesys;
    S3ObjectStore objects;
    Store store;
    RecguardService service;
    ServiceHttp http;
    PrometheusMetrics metrics = new PrometheusMetrics(() -> 0, () -> 0, () -> 0);

    static final String METADATA = API + "/conversations/" + CONVERSATION_ID + "/recordingmetadata";

    @BeforeEach
    void start() throws Exception {
        GenesysStub.conversation(wm);
        GenesysStub.detailWithAgentRecordingsOnly(wm);
        String mediaBase = "http://127.0.0.1:" + wm.getPort() + "/media/";
        wm.stubFor(get(urlPathMatching(API + "/conversations/" + CONVERSATION_ID + "/recordings/[^/]+"))
                .willReturn(okJson("{\"id\":\"r\",\"mediaUris\":{\"S\":{\"mediaUri\":\"" + mediaBase + "audio.wav\"}}}")));
        wm.stubFor(get(urlPathEqualTo("/media/audio.wav")).willReturn(aResponse().withStatus(200).withBody(new byte[16 * 1024])));
        wm.stubFor(patch(urlPathMatching(API + "/conversations/calls/.*/participants/.*/attributes"))
                .willReturn(okJson("{\"attributes\":{}}")));
        wm.stubFor(put(urlPathEqualTo(API + "/recordings/deletionprotection")).willReturn(aResponse().withStatus(204)));
        wm.stubFor(get(urlPathEqualTo(API + "/quality/evaluations/query"))
                .willReturn(okJson("{\"entities\":[],\"pageSize\":100,\"pageNumber\":1,\"total\":0}")));
        wm.stubFor(post(urlPathMatching(API + "/quality/conversations/.*/evaluations"))
                .willReturn(okJson("{\"id\":\"e-1\",\"status\":\"PENDING\"}")));

        S3Server s3server = SharedServers.any();
        S3Settings s3 = new S3Settings(s3server.endpoint(), "us-east-1", s3server.accessKey(), s3server.secretKey());
        template = "settle-" + UUID.randomUUID().toString().substring(0, 8) + "-{region}";
        try (S3Client admin = S3ObjectStore.newClient(s3, "us-east-1")) {
            TestBuckets.locked(admin, template.replace("{region}", "us-east-1"));
        }
        buckets = new Buckets(template, Map.of());
        genesys = new GenesysClient(GenesysStub.config(wm), clock);
        objects = new S3ObjectStore(s3);
        store = Store.open("jdbc:sqlite:" + tmp.resolve("recguard.db"));
        Archiver archiver = new Archiver(objects, new ArchiveJson(), buckets, clock);
        service = new RecguardService(store, new PackHolder(TestPaths.RULES, null), new GenesysConversationSource(genesys),
                List.of(new ArchiveActions(archiver, new GenesysMedia(genesys), tmp.resolve("media")),
                        new GenesysActions(genesys), new AlertSink(null), new RealTimeActions()),
                new HoldRegisterFile(tmp.resolve("holds.json"), clock), null, clock, metrics,
                RecguardService.Settings.defaults("settle"));
        http = new ServiceHttp(service, metrics, null, new EventAuth("settle-token", null), clock)
                .withOperators(com.recguard.http.Operators.parse("operators", List.of("compliance@firm,operator,"
                        + com.recguard.http.Operators.hashOf("settle-operator"))))
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        store.close();
        objects.close();
        genesys.close();
    }

    /** The recording metadata of the stub conversation with every recording in {@code state} (and no annotations unless AVAILABLE). */
    static String metadata(String state, boolean annotations) {
        String json = GenesysStub.resource("recordingmetadata.json")
                .replace("\"fileState\": \"AVAILABLE\"", "\"fileState\": \"" + state + "\"")
                .replace("\"fileState\": \"RESTORED\"", "\"fileState\": \"" + state + "\"");
        return annotations ? json : json.replaceAll("\"annotations\": \\[[^\\]]*\\]", "\"annotations\": []");
    }

    /** Recording metadata answers in turn, one per gather, the last repeated. */
    static void metadataInTurn(List<String> answers) {
        for (int i = 0; i < answers.size(); i++) {
            String state = i == 0 ? Scenario.STARTED : "gather-" + (i + 1);
            var stub = get(urlPathEqualTo(METADATA)).inScenario("upload").whenScenarioStateIs(state)
                    .willReturn(okJson(answers.get(i)));
            if (i + 1 < answers.size()) {
                stub = stub.willSetStateTo("gather-" + (i + 2));
            }
            wm.stubFor(stub);
        }
    }

    void event() throws Exception {
        String event = """
            {"detail-type":"v2.detail.events.conversation.{id}.customer.end","source":"aws.partner/genesys.com",
             "detail":{"topicName":"v2.detail.events.conversation.%s.customer.end",
             "eventBody":{"conversationId":"%s","eventTime":1772443680000}}}""".formatted(CONVERSATION_ID, CONVERSATION_ID);
        assertThat(send("POST", "/events", event).statusCode()).isEqualTo(202);
    }

    HttpResponse<String> send(String method, String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                // Events come from the event source; everything else is an operator's.
                .header("Authorization", "Bearer " + (path.startsWith("/events") && method.equals("POST")
                        && !path.endsWith("/replay") ? "settle-token" : "settle-operator"))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    void dispatchAll() throws Exception {
        for (int pass = 0; pass < 10 && service.dispatchDue() > 0; pass++) {
            clock.advance(Duration.ofSeconds(1));
        }
    }

    List<String> decisions() throws Exception {
        List<String> out = new ArrayList<>();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + tmp.resolve("recguard.db"));
             var rs = c.createStatement().executeQuery("SELECT is_final, decision FROM decisions ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getInt(1) + " " + rs.getString(2));
            }
        }
        return out;
    }

    List<String> outboxTypes() throws Exception {
        List<String> out = new ArrayList<>();
        for (var status : Store.ItemStatus.values()) {
            store.items(status).forEach(i -> out.add(i.type()));
        }
        return out;
    }

    @Test
    void recordings_uploading_on_two_gathers_give_two_provisional_decisions_and_one_final_one_archived_once() throws Exception {
        metadataInTurn(List.of(metadata("UPLOADING", false), metadata("UPLOADING", false),
                GenesysStub.resource("recordingmetadata.json")));
        event();

        assertThat(service.processDue()).isEqualTo(1);
        dispatchAll();
        assertThat(send("GET", "/decisions/" + CONVERSATION_ID, null).body()).contains("\"final\":false");
        assertThat(outboxTypes()).as("evidence first: the hold and consent at once, nothing final-only")
                .contains("APPLY_LEGAL_HOLD").doesNotContain("ARCHIVE", "ALERT", "QUEUE_FOR_QA");
        assertThat(service.processDue()).as("not due again before the backoff").isZero();

        clock.advance(Duration.ofMinutes(1));
        assertThat(service.processDue()).isEqualTo(1);
        dispatchAll();
        assertThat(outboxTypes()).doesNotContain("ARCHIVE", "ALERT", "QUEUE_FOR_QA");
        wm.verify(exactly(0), postRequestedFor(urlPathMatching(API + "/quality/conversations/.*/evaluations")));

        clock.advance(Duration.ofMinutes(1));
        assertThat(service.processDue()).as("the second wait is two minutes").isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(service.processDue()).isEqualTo(1);
        dispatchAll();

        List<String> decisions = decisions();
        assertThat(decisions).hasSize(3);
        assertThat(decisions.subList(0, 2)).allSatisfy(d -> assertThat(d).startsWith("0 ").contains("\"final\":false")
                .doesNotContain("\"type\":\"ARCHIVE\"", "\"type\":\"ALERT\"", "\"type\":\"QUEUE_FOR_QA\""));
        assertThat(decisions.get(2)).startsWith("1 ").contains("\"final\":true", "\"type\":\"ARCHIVE\"");
        assertThat(send("GET", "/decisions/" + CONVERSATION_ID, null).body()).contains("\"final\":true");
        assertThat(store.dueEvents(clock.instant().plus(Duration.ofDays(1)), 10)).as("settled: no more gathers").isEmpty();
        wm.verify(exactly(3), getRequestedFor(urlPathEqualTo(METADATA)));

        assertThat(store.items(Store.ItemStatus.DEAD)).as("nothing dead-lettered").isEmpty();
        assertThat(outboxTypes().stream().filter("ARCHIVE"::equals)).hasSize(1);
        // QA evaluations (one per agent of the conversation) were created only after the final decision.
        assertThat(outboxTypes()).as("QA from the final decision").contains("QUEUE_FOR_QA");
        assertThat(wm.findAll(postRequestedFor(urlPathMatching(API + "/quality/conversations/.*/evaluations")))).isNotEmpty();
        long alerts = outboxTypes().stream().filter("ALERT"::equals).count();
        assertThat(alerts).as("an ALERT, if any, from the final decision only").isEqualTo(decisions.get(2).contains("\"type\":\"ALERT\"") ? 1 : 0);

        var manifest = objects.head(buckets.of("us-east-1"), Keys.manifest(CONVERSATION_ID), null);
        assertThat(manifest).as("archived").isPresent();
        assertThat(objects.versions(buckets.of("us-east-1"), Keys.manifest(CONVERSATION_ID))).as("archived once").hasSize(1);
        assertThat(metrics.scrape()).contains("recguard_decisions_by_finality_total{final=\"false\"} 2.0",
                "recguard_decisions_by_finality_total{final=\"true\"} 1.0", "recguard_time_to_final_seconds_count 1");
    }

    @Test
    void a_stop_seen_while_its_recording_was_available_is_still_reported_when_later_gathers_no_longer_return_it() throws Exception {
        // A FlowOrQueue suppression during the last agent's talk, with no justification: UNJUSTIFIED_STOP.
        String withStop = GenesysStub.resource("recordingmetadata.json").replace("\"reason\": \"SecurePause\"", "\"reason\": \"FlowOrQueue\"");
        // First gathers: the stop is annotated (its recording AVAILABLE) while another recording still uploads.
        String uploading = withStop.replace("\"fileState\": \"RESTORED\"", "\"fileState\": \"UPLOADING\"");
        // Third gather: every recording archived in Genesys, which then returns no annotations at all.
        String archivedNoAnnotations = metadata("ARCHIVED", false);
        metadataInTurn(List.of(uploading, uploading, archivedNoAnnotations));
        event();

        service.processDue();
        assertThat(decisions()).singleElement().satisfies(d -> assertThat(d).contains("\"final\":false"));
        clock.advance(Duration.ofMinutes(1));
        service.processDue();
        clock.advance(Duration.ofMinutes(2));
        service.processDue();
        dispatchAll();

        List<String> decisions = decisions();
        assertThat(decisions).hasSize(3);
        assertThat(decisions.get(2)).startsWith("1 ").contains("\"final\":true", "UNJUSTIFIED_STOP");
        Store.StoredDecision last = store.latest(CONVERSATION_ID);
        assertThat(last.bundleJson()).as("the stored bundle keeps the stop").contains("\"by\":\"flow\"");
    }

    @Test
    void a_hostile_conversation_fails_alone_and_the_good_one_after_it_is_decided_and_archived() throws Exception {
        String hostile = "0a0a0a0a-dead-4bad-8bad-0a0a0a0a0a0a";
        String foreign = "0b0b0b0b-dead-4bad-8bad-0b0b0b0b0b0b";
        wm.stubFor(get(urlPathEqualTo(API + "/analytics/conversations/" + hostile + "/details")).willReturn(okJson("{}")));
        wm.stubFor(get(urlPathEqualTo(API + "/analytics/conversations/" + foreign + "/details")).willReturn(okJson(
                GenesysStub.resource("conversation-detail.json"))));
        wm.stubFor(get(urlPathEqualTo(API + "/conversations/" + foreign)).willReturn(okJson(GenesysStub.resource("conversation.json"))));
        wm.stubFor(get(urlPathEqualTo(API + "/conversations/" + foreign + "/recordingmetadata"))
                .willReturn(okJson(GenesysStub.resource("recordingmetadata.json"))));
        wm.stubFor(get(urlPathMatching(API + "/speechandtextanalytics/conversations/" + foreign + "/.*"))
                .willReturn(GenesysStub.error(404, "not.found", "No transcript exists for this communication")));
        metadataInTurn(List.of(GenesysStub.resource("recordingmetadata.json")));
        for (String id : List.of(hostile, foreign)) {
            String event = """
                {"detail-type":"x","detail":{"topicName":"v2.detail.events.conversation.%s.customer.end",
                 "eventBody":{"conversationId":"%s","eventTime":1772443680000}}}""".formatted(id, id);
            assertThat(send("POST", "/events", event).statusCode()).isEqualTo(202);
        }
        event();

        assertThat(service.processDue()).isEqualTo(3);
        dispatchAll();

        String failed = send("GET", "/events/failed", null).body();
        assertThat(failed).contains(hostile, foreign, "when asked for " + foreign);
        assertThat(store.latestDecision(foreign)).isNull();
        assertThat(store.latestDecision(CONVERSATION_ID)).as("the good conversation decided once")
                .contains("\"final\":true", "\"type\":\"ARCHIVE\"");
        assertThat(objects.head(buckets.of("us-east-1"), Keys.manifest(CONVERSATION_ID), null)).as("and archived").isPresent();
        assertThat(store.items(Store.ItemStatus.DONE)).filteredOn(i -> i.type().equals("ALERT") && i.action().startsWith("FAILED "))
                .as("one ALERT per failed conversation").hasSize(2);
    }
}
