package com.recguard.adapter.genesys;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.recguard.adapter.genesys.GenesysStub.API;
import static com.recguard.adapter.genesys.GenesysStub.CONVERSATION_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.recguard.TestPaths;
import com.recguard.adapter.s3.S3ObjectStore;
import com.recguard.adapter.s3.S3Settings;
import com.recguard.adapter.webhook.AlertSink;
import com.recguard.archive.Archiver;
import com.recguard.archive.Buckets;
import com.recguard.http.EventAuth;
import com.recguard.http.ServiceHttp;
import com.recguard.json.ArchiveJson;
import com.recguard.adapter.file.HoldRegisterFile;
import com.recguard.metrics.PrometheusMetrics;
import com.recguard.service.ArchiveActions;
import com.recguard.service.PackHolder;
import com.recguard.service.RealTimeActions;
import com.recguard.service.RecguardService;
import com.recguard.service.ServiceEvents;
import com.recguard.servers.S3Server;
import com.recguard.servers.SharedServers;
import com.recguard.servers.TestBuckets;
import com.recguard.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * From a Genesys event to locked objects in S3 and the calls made back to Genesys: the service
 * in-process on a random port, a real HTTP client, Genesys as WireMock serving Genesys-shaped
 * JSON, and a real S3 server (moto, else Ceph) with Object Lock.
 */
class ServiceEndToEndTest {

    @RegisterExtension
    static WireMockExtension wm = GenesysStub.server();

    @TempDir
    Path tmp;

    @Test
    void an_event_becomes_archived_locked_objects_and_the_genesys_calls_the_decision_asks_for() throws Exception {
        GenesysStub.token(wm, "tok-e2e");
        GenesysStub.conversation(wm);
        GenesysStub.detailWithAgentRecordingsOnly(wm); // else REC-011 keeps it provisional until the settle deadline
        String mediaBase = "http://127.0.0.1:" + wm.getPort() + "/media/";
        wm.stubFor(get(urlPathMatching(API + "/conversations/" + CONVERSATION_ID + "/recordings/[^/]+"))
                .willReturn(okJson("{\"id\":\"r\",\"mediaUris\":{\"S\":{\"mediaUri\":\"" + mediaBase + "audio.wav\"}}}")));
        wm.stubFor(get(urlPathEqualTo("/media/audio.wav")).willReturn(aResponse().withStatus(200)
                .withBody(new byte[64 * 1024])));
        wm.stubFor(patch(urlPathMatching(API + "/conversations/calls/.*/participants/.*/attributes"))
                .willReturn(okJson("{\"attributes\":{}}")));
        wm.stubFor(put(urlPathEqualTo(API + "/recordings/deletionprotection")).willReturn(aResponse().withStatus(204)));
        wm.stubFor(get(urlPathEqualTo(API + "/quality/evaluations/query"))
                .willReturn(okJson("{\"entities\":[],\"pageSize\":100,\"pageNumber\":1,\"total\":0}")));
        wm.stubFor(post(urlPathMatching(API + "/quality/conversations/.*/evaluations"))
                .willReturn(okJson("{\"id\":\"e-1\",\"status\":\"PENDING\"}")));

        S3Server s3server = SharedServers.any();
        S3Settings s3 = new S3Settings(s3server.endpoint(), "us-east-1", s3server.accessKey(), s3server.secretKey());
        String template = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "-{region}";
        try (S3Client admin = S3ObjectStore.newClient(s3, "us-east-1")) {
            TestBuckets.locked(admin, template.replace("{region}", "us-east-1"));
        }

        Clock clock = Clock.systemUTC();
        try (GenesysClient genesys = new GenesysClient(GenesysStub.config(wm), clock);
             S3ObjectStore objects = new S3ObjectStore(s3);
             Store store = Store.open("jdbc:sqlite:" + tmp.resolve("recguard.db"))) {
            Archiver archiver = new Archiver(objects, new ArchiveJson(), new Buckets(template, Map.of()), clock);
            RecguardService service = new RecguardService(store, new PackHolder(TestPaths.RULES, null),
                    new GenesysConversationSource(genesys),
                    List.of(new ArchiveActions(archiver, new GenesysMedia(genesys), tmp.resolve("media")),
                            new GenesysActions(genesys), new AlertSink(null), new RealTimeActions()),
                    new HoldRegisterFile(tmp.resolve("holds.json"), clock), null, clock, ServiceEvents.NONE,
                    RecguardService.Settings.defaults("e2e"));
            try (ServiceHttp http = new ServiceHttp(service, new PrometheusMetrics(() -> 0, () -> 0, () -> 0), null,
                    new EventAuth("e2e-token", null), clock).start("127.0.0.1", 0)) {
                String event = """
                    {"detail-type":"v2.detail.events.conversation.{id}.customer.end","source":"aws.partner/genesys.com",
                     "detail":{"topicName":"v2.detail.events.conversation.%s.customer.end",
                     "eventBody":{"conversationId":"%s","eventTime":1772443680000}}}""".formatted(CONVERSATION_ID, CONVERSATION_ID);
                HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + http.port() + "/events")).header("Authorization", "Bearer e2e-token")
                        .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(accepted.statusCode()).isEqualTo(202);

                assertThat(service.processDue()).isEqualTo(1);
                for (int pass = 0; pass < 5 && store.count("outbox", "PENDING") > 0; pass++) {
                    service.dispatchDue();
                }
                assertThat(store.items(Store.ItemStatus.DEAD)).as("nothing dead-lettered").isEmpty();
                assertThat(store.count("outbox", "PENDING")).isZero();
            }

            String decision = store.latestDecision(CONVERSATION_ID);
            assertThat(decision).contains("\"archiveRegion\":\"us-east-1\"", "\"legalHold\":true");
            var manifest = objects.head(new Buckets(template, Map.of()).of("us-east-1"),
                    com.recguard.archive.Keys.manifest(CONVERSATION_ID), null);
            assertThat(manifest).as("manifest archived").isPresent();
            assertThat(manifest.get().lockMode()).isEqualTo("COMPLIANCE");
            assertThat(manifest.get().legalHold()).as("held for the phrase said").isTrue();
        }
        wm.verify(exactly(1), putRequestedFor(urlPathEqualTo(API + "/recordings/deletionprotection")));
        wm.verify(patchRequestedFor(urlPathMatching(API + "/conversations/calls/.*/participants/.*/attributes")));
        wm.verify(postRequestedFor(urlPathMatching(API + "/quality/conversations/.*/evaluations")));
    }
}
