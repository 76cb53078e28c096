package com.recguard.adapter.genesys;

import static com.recguard.adapter.genesys.GenesysStub.CONVERSATION_ID;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.recguard.TestPaths;
import com.recguard.http.EventAuth;
import com.recguard.http.ServiceHttp;
import com.recguard.adapter.file.HoldRegisterFile;
import com.recguard.metrics.PrometheusMetrics;
import com.recguard.service.PackHolder;
import com.recguard.service.RecguardService;
import com.recguard.service.ServiceEvents;
import com.recguard.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Events per second through the service against the Genesys stub: HTTP intake (journaled), fact
 * gathering (five Genesys calls over HTTP), evaluation and the decision transaction. A benchmark,
 * not a test: its name keeps it out of `mvn verify` (surefire runs *Test classes); run it with
 * {@code mvn -q test -Dtest=ServiceThroughputBench}.
 */
class ServiceThroughputBench {

    @RegisterExtension
    static WireMockExtension wm = GenesysStub.server();

    @Test
    void events_per_second_end_to_end() throws Exception {
        GenesysStub.token(wm, "tok-bench");
        GenesysStub.conversation(wm);
        Path dir = Files.createTempDirectory("recguard-bench");
        Clock clock = Clock.systemUTC();
        try (GenesysClient genesys = new GenesysClient(GenesysStub.config(wm), clock);
             Store store = Store.open("jdbc:sqlite:" + dir.resolve("db"))) {
            RecguardService service = new RecguardService(store, new PackHolder(TestPaths.RULES, null),
                    new GenesysConversationSource(genesys), List.of(), new HoldRegisterFile(dir.resolve("holds.json"), clock),
                    null, clock, ServiceEvents.NONE, RecguardService.Settings.defaults("bench"));
            try (ServiceHttp http = new ServiceHttp(service, new PrometheusMetrics(() -> 0, () -> 0, () -> 0), null,
                    new EventAuth("t", null), clock).start("127.0.0.1", 0)) {
                HttpClient client = HttpClient.newHttpClient();
                String event = ("{\"detail-type\":\"x\",\"detail\":{\"topicName\":\"v2.detail.events.conversation.%s.customer.end\","
                        + "\"eventBody\":{\"conversationId\":\"%s\",\"eventTime\":1772443680000}}}").formatted(CONVERSATION_ID, CONVERSATION_ID);
                for (int round = 0; round < 3; round++) {
                    int n = 300;
                    long start = System.nanoTime();
                    for (int i = 0; i < n; i++) {
                        client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/events"))
                                .header("Authorization", "Bearer t").POST(HttpRequest.BodyPublishers.ofString(event)).build(),
                                HttpResponse.BodyHandlers.discarding());
                    }
                    long intake = System.nanoTime();
                    while (service.processDue() > 0) {
                        // drain
                    }
                    long end = System.nanoTime();
                    System.out.printf("round %d: %d events, intake %.0f events/s, gather+decide %.0f events/s, end to end %.0f events/s%n",
                            round, n, n / ((intake - start) / 1e9), n / ((end - intake) / 1e9), n / ((end - start) / 1e9));
                }
            }
        }
    }
}
