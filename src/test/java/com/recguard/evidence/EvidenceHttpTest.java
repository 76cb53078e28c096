package com.recguard.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.recguard.TestPaths;
import com.recguard.adapter.file.HoldRegisterFile;
import com.recguard.http.EventAuth;
import com.recguard.http.Operators;
import com.recguard.http.ServiceHttp;
import com.recguard.json.ArchiveJson;
import com.recguard.json.EvidenceJson;
import com.recguard.metrics.PrometheusMetrics;
import com.recguard.service.PackHolder;
import com.recguard.service.RecguardService;
import com.recguard.service.ServiceEvents;
import com.recguard.servers.SharedServers;
import com.recguard.store.Store;
import java.io.BufferedReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /evidence} on the service, with a real HTTP client: operators get the pack streamed as an
 * attachment (and it verifies), viewers do not, and who took which pack is logged.
 */
class EvidenceHttpTest {

    static final String OPERATOR_TOKEN = "alice-operator-token";
    static final String VIEWER_TOKEN = "grafana-viewer-token";

    @TempDir
    Path tmp;

    EvidenceWorld world;
    Store store;
    ServiceHttp http;
    final ListAppender<ILoggingEvent> log = new ListAppender<>();
    final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() throws Exception {
        world = new EvidenceWorld(SharedServers.any(), tmp);
        world.decideAndArchive(EvidenceWorld.bundle("http-held", false, "u-trader-3", "2026-03-02",
                "{ \"id\": \"LH-7\", \"userIds\": [\"u-trader-3\"] }"));
        world.decideOnly("http-other");
        world.digest();
        store = Store.open("jdbc:sqlite:" + tmp.resolve("recguard.db"));
        RecguardService service = new RecguardService(store, new PackHolder(TestPaths.RULES, null), null, List.of(),
                new HoldRegisterFile(tmp.resolve("holds.json"), world.clock), null, world.clock, ServiceEvents.NONE,
                RecguardService.Settings.defaults("node-1"));
        Operators operators = Operators.parse("operators.csv", List.of(
                "alice@firm.example,operator," + Operators.hashOf(OPERATOR_TOKEN),
                "grafana,viewer," + Operators.hashOf(VIEWER_TOKEN)));
        EvidenceDesk desk = new EvidenceDesk(new EvidencePacker(world.store, new ArchiveJson(), new EvidenceJson(), world.clock),
                new com.recguard.archive.Buckets(world.bucketTemplate, java.util.Map.of()), EvidenceWorld.REGION, each -> {
                    try (BufferedReader r = Files.newBufferedReader(world.logFile)) {
                        for (String line; (line = r.readLine()) != null; ) {
                            each.accept(new EvidenceJson().readLogLine(line));
                        }
                    }
                });
        ((Logger) LoggerFactory.getLogger("recguard.audit")).addAppender(log);
        log.start();
        http = new ServiceHttp(service, new PrometheusMetrics(() -> 0, () -> 0, () -> 0), null, new EventAuth("e", null), world.clock)
                .withOperators(operators).withEvidence(desk).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        ((Logger) LoggerFactory.getLogger("recguard.audit")).detachAppender(log);
        if (http != null) {
            http.close();
        }
        if (store != null) {
            store.close();
        }
        world.close();
    }

    HttpResponse<Path> get(String query, String token, Path to) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + "/evidence" + query))
                .header("Authorization", "Bearer " + token).build();
        return client.send(r, HttpResponse.BodyHandlers.ofFile(to));
    }

    @Test
    void anOperatorGetsTheHeldConversationsPackAsAnAttachmentThatVerifies() throws Exception {
        HttpResponse<Path> r = get("?hold=LH-7", OPERATOR_TOKEN, tmp.resolve("pack.zip"));

        assertThat(r.statusCode()).as(Files.readString(r.body(), StandardCharsets.ISO_8859_1)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/zip");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment; filename=\"recguard-evidence-");
        assertThat(EvidenceWorld.members(r.body()).keySet()).contains("conversations/http-held/archive/media/r-1");
        EvidenceWorld.Verdict v = EvidenceWorld.java(r.body());
        assertThat(v.code()).as(String.join("\n", v.lines())).isZero();
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage)
                .contains("operator alice@firm.example took an evidence pack of query hold=LH-7 (1 conversation(s): http-held)");
    }

    @Test
    void aViewerIsRefusedAndNothingIsPacked() throws Exception {
        HttpResponse<Path> r = get("?conversation=http-held", VIEWER_TOKEN, tmp.resolve("viewer.zip"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(log.list).noneMatch(e -> e.getFormattedMessage().contains("evidence pack"));
    }

    @Test
    void aBadOrEmptySelectionIsRefusedWithTheReason() throws Exception {
        HttpResponse<Path> none = get("", OPERATOR_TOKEN, tmp.resolve("none.json"));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(Files.readString(none.body())).contains("name conversation ids, or a query");

        HttpResponse<Path> date = get("?user=u-trader-3&from=March", OPERATOR_TOKEN, tmp.resolve("date.json"));
        assertThat(date.statusCode()).isEqualTo(400);

        HttpResponse<Path> unknown = get("?conversation=nobody", OPERATOR_TOKEN, tmp.resolve("unknown.json"));
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(Files.readString(unknown.body())).contains("nobody: no archived manifest");
    }
}
