package com.recguard.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import com.recguard.json.BundleReader;
import com.recguard.adapter.file.HoldRegisterFile;
import com.recguard.metrics.PrometheusMetrics;
import com.recguard.model.Bundle;
import com.recguard.model.LegalHold;
import com.recguard.service.ActionException;
import com.recguard.service.ActionHandler;
import com.recguard.service.ActionTask;
import com.recguard.service.ConversationSource;
import com.recguard.service.PackHolder;
import com.recguard.service.RecguardService;
import com.recguard.service.ServiceEvents;
import com.recguard.store.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who may call what, and what leaves: the service in-process on a random 127.0.0.1 port, asked
 * with a real HTTP client by anonymous callers, the event source, a viewer and an operator.
 */
class ServiceAccessTest {

    static final String EVENT_TOKEN = "event-source-token";
    static final String OPERATOR_TOKEN = "alice-operator-token";
    static final String VIEWER_TOKEN = "grafana-viewer-token";
    static final Set<String> OPEN = Set.of("GET /health", "GET /ready", "GET /metrics");

    @TempDir
    Path tmp;

    Clock clock = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);
    Store store;
    RecguardService service;
    ServiceHttp http;
    HttpClient client = HttpClient.newHttpClient();
    Bundle ukCall;

    ConversationSource source = new ConversationSource() {
        @Override
        public Bundle gather(String id, Instant at, List<LegalHold> holds) throws ActionException {
            var c = ukCall.conversation();
            return new Bundle(new com.recguard.model.Conversation(id, c.conversationStart(), c.conversationEnd(),
                    c.originatingDirection(), c.participants()), ukCall.recordings(), ukCall.recordingStops(), ukCall.ivr(),
                    ukCall.transcript(), holds, at, true);
        }

        @Override
        public List<String> conversationsEndedBetween(Instant from, Instant to) {
            return List.of();
        }
    };

    /** Every action fails for good, so each lands on the dead-letter list with its bundle. */
    ActionHandler broken = new ActionHandler() {
        @Override
        public Set<String> types() {
            return Set.of("ARCHIVE", "APPLY_LEGAL_HOLD", "RECORD_CONSENT", "QUEUE_FOR_QA", "ALERT");
        }

        @Override
        public void execute(ActionTask task) throws ActionException {
            throw ActionException.permanent("403 Forbidden", null);
        }
    };

    @BeforeEach
    void start() throws Exception {
        ukCall = BundleReader.read(Files.readString(Path.of("fixtures/conversations/clean-uk-advisory-call.json")));
        store = Store.open("jdbc:sqlite:" + tmp.resolve("recguard.db"));
        service = new RecguardService(store, new PackHolder(TestPaths.RULES, null), source, List.of(broken),
                new HoldRegisterFile(tmp.resolve("holds.json"), clock), null, clock, ServiceEvents.NONE,
                RecguardService.Settings.defaults("node-1"));
        Operators operators = Operators.parse("operators.csv", List.of(
                "# name,role,sha256",
                "alice@firm.example,operator," + Operators.hashOf(OPERATOR_TOKEN),
                "grafana,viewer," + Operators.hashOf(VIEWER_TOKEN)));
        http = new ServiceHttp(service, new PrometheusMetrics(() -> 0, () -> 0, () -> 0), null,
                new EventAuth(EVENT_TOKEN, null), clock).withOperators(operators)
                .withConsole(new com.recguard.console.Console(service, store.console(), null, null, clock)).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        http.close();
        store.close();
    }

    HttpResponse<String> send(String method, String path, byte[] body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + http.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(String method, String path, String body, String token) throws Exception {
        return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), token);
    }

    static String event(String conversationIdJson) {
        return """
            {"detail-type":"v2.detail.events.conversation.{id}.customer.end","source":"aws.partner/genesys.com",
             "time":"2026-03-02T09:28:00Z","detail":{"topicName":"v2.detail.events.conversation.c-uk.customer.end",
             "eventBody":{"conversationId":%s,"eventTime":1772443680000}}}
            """.formatted(conversationIdJson);
    }

    /** "METHOD /path/{param}" to a request line with the parameters filled in. */
    static String[] request(String route) {
        String[] mp = route.split(" ", 2);
        return new String[] {mp[0], mp[1].replaceAll("\\{[^}]+}", "1")};
    }

    Map<String, Set<io.javalin.security.RouteRole>> routesByRole() {
        return new TreeMap<>(http.routes());
    }

    @Test
    void every_route_carries_exactly_one_access_role() {
        var routes = routesByRole();
        assertThat(routes).containsKeys("GET /holds", "POST /holds", "DELETE /holds/{id}", "GET /deadletters",
                "POST /deadletters/{id}/replay", "GET /events/rejected", "GET /events/failed", "POST /events/{id}/replay",
                "GET /decisions/{conversationId}", "GET /qa/alignment", "GET /sweep", "POST /events", "POST /consent");
        routes.forEach((route, roles) -> assertThat(roles).as(route).hasSize(1).allMatch(r -> r instanceof Role));
        routes.forEach((route, roles) -> assertThat(roles.contains(Role.OPEN)).as(route).isEqualTo(OPEN.contains(route)));
    }

    @Test
    void anonymous_request_to_every_route_but_health_ready_and_metrics_is_refused() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (String route : routesByRole().keySet()) {
            String[] r = request(route);
            int status = send(r[0], r[1], "{}", null).statusCode();
            int expected = OPEN.contains(route) ? 200 : 401;
            if (status != expected) {
                wrong.add(route + ": " + status + " (expected " + expected + ")");
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(store.events(Store.EventStatus.ACCEPTED, 10)).isEmpty();
    }

    @Test
    void the_event_source_token_is_refused_on_every_operator_route() throws Exception {
        List<String> wrong = new ArrayList<>();
        http.routes().forEach((route, roles) -> {
            if (roles.contains(Role.VIEWER) || roles.contains(Role.OPERATOR)) {
                String[] r = request(route);
                try {
                    var resp = send(r[0], r[1], "{}", EVENT_TOKEN);
                    if (resp.statusCode() != 401) {
                        wrong.add(route + ": " + resp.statusCode());
                    }
                } catch (Exception e) {
                    wrong.add(route + ": " + e);
                }
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void an_operator_token_is_refused_on_events_and_consent() throws Exception {
        assertThat(send("POST", "/events", event("\"c-uk\""), OPERATOR_TOKEN).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/consent", "{\"callerNumber\":\"+442071234567\",\"dialledLine\":\"+442071234568\"}",
                OPERATOR_TOKEN).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/events", event("\"c-uk\""), EVENT_TOKEN).statusCode()).isEqualTo(202);
    }

    @Test
    void an_unauthenticated_event_is_kept_but_its_answer_gives_no_handle_to_replay_it() throws Exception {
        var refused = send("POST", "/events", event("\"c-uk\""), null);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.body()).doesNotContain("journalId").contains("unauthenticated");
        long id = store.events(Store.EventStatus.REJECTED, 10).get(0).id();

        assertThat(send("POST", "/events/" + id + "/replay", "", null).statusCode()).isEqualTo(401);
        assertThat(send("POST", "/events/" + id + "/replay", "", EVENT_TOKEN).statusCode()).isEqualTo(401);
        assertThat(store.events(Store.EventStatus.REJECTED, 10)).extracting(Store.Event::id).containsExactly(id);
        assertThat(store.events(Store.EventStatus.ACCEPTED, 10)).isEmpty();

        assertThat(send("POST", "/events/" + id + "/replay", "", OPERATOR_TOKEN).statusCode()).isEqualTo(200);
        assertThat(store.events(Store.EventStatus.ACCEPTED, 10)).extracting(Store.Event::id).containsExactly(id);
    }

    @Test
    void a_viewer_reads_but_only_an_operator_changes_holds() throws Exception {
        String hold = "{\"id\":\"LH-9\",\"userIds\":[\"u-advisor-7\"],\"from\":\"2026-01-01\",\"why\":\"FCA inquiry 2026-14\"}";
        assertThat(send("POST", "/holds", hold, VIEWER_TOKEN).statusCode()).isEqualTo(403);
        assertThat(send("POST", "/holds", hold, OPERATOR_TOKEN).statusCode()).isEqualTo(201);
        assertThat(send("GET", "/holds", (String) null, VIEWER_TOKEN).body()).contains("LH-9");
        assertThat(send("DELETE", "/holds/LH-9?why=closed", (String) null, VIEWER_TOKEN).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/holds", (String) null, VIEWER_TOKEN).body()).contains("LH-9");
    }

    @Test
    void the_hold_audit_names_the_authenticated_operator_never_a_name_the_caller_typed() throws Exception {
        var typedWho = send("POST", "/holds", "{\"id\":\"LH-9\",\"userIds\":[\"u-advisor-7\"],\"who\":\"someone-else\","
                + "\"why\":\"FCA inquiry 2026-14\"}", OPERATOR_TOKEN);
        assertThat(typedWho.statusCode()).isEqualTo(400);
        assertThat(typedWho.body()).contains("leave out \\\"who\\\"");
        assertThat(send("POST", "/holds", "{\"id\":\"LH-9\",\"userIds\":[\"u-advisor-7\"],\"why\":\"FCA inquiry 2026-14\"}",
                OPERATOR_TOKEN).statusCode()).isEqualTo(201);

        assertThat(send("DELETE", "/holds/LH-9?who=someone-else&why=closed", (String) null, OPERATOR_TOKEN).statusCode())
                .isEqualTo(400);
        assertThat(send("DELETE", "/holds/LH-9?why=inquiry%20closed", (String) null, OPERATOR_TOKEN).statusCode()).isEqualTo(200);

        String audit = Files.readString(tmp.resolve("holds.json.audit.jsonl"));
        assertThat(audit).contains("\"op\":\"put\",\"holdId\":\"LH-9\",\"who\":\"alice@firm.example\",\"why\":\"FCA inquiry 2026-14\"")
                .contains("\"op\":\"release\",\"holdId\":\"LH-9\",\"who\":\"alice@firm.example\",\"why\":\"inquiry closed\"")
                .doesNotContain("someone-else");
    }

    @Test
    void dead_letters_are_listed_as_pages_of_summaries_without_numbers_or_transcripts() throws Exception {
        for (String id : List.of("c-1", "c-2", "c-3")) {
            assertThat(send("POST", "/events", event("\"" + id + "\""), EVENT_TOKEN).statusCode()).isEqualTo(202);
        }
        service.processDue();
        service.dispatchDue();
        int dead = store.items(Store.ItemStatus.DEAD).size();
        assertThat(dead).isGreaterThanOrEqualTo(3);
        assertThat(store.items(Store.ItemStatus.DEAD).get(0).bundleJson()).contains("+44");

        List<String> seen = new ArrayList<>();
        String after = "";
        int pages = 0;
        while (after != null) {
            var page = send("GET", "/deadletters?limit=2" + after, (String) null, VIEWER_TOKEN);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).doesNotContain("+44", "transcript", "bundle", "decision\"", "participants")
                    .contains("\"reason\":\"403 Forbidden\"", "\"conversationId\":\"c-");
            Matcher ids = Pattern.compile("\\{\"id\":(\\d+)").matcher(page.body());
            while (ids.find()) {
                seen.add(ids.group(1));
            }
            Matcher next = Pattern.compile("\"next\":(\\d+)").matcher(page.body());
            after = next.find() ? "&after=" + next.group(1) : null;
            pages++;
        }
        assertThat(seen).hasSize(dead).doesNotHaveDuplicates();
        assertThat(pages).isEqualTo((dead + 1) / 2);
        assertThat(send("GET", "/deadletters?limit=100000", (String) null, VIEWER_TOKEN).statusCode()).isEqualTo(400);
    }

    @Test
    void rejected_events_are_listed_without_their_bodies_and_an_operator_can_read_one_whole() throws Exception {
        String hostile = "{\"detail-type\":\"x\",\"detail\":{\"topicName\":\"v2.users.u1.presence\",\"callerNumber\":\"+447700900123\"}}";
        var refused = send("POST", "/events", hostile, EVENT_TOKEN);
        assertThat(refused.statusCode()).isEqualTo(400);
        var list = send("GET", "/events/rejected", (String) null, VIEWER_TOKEN);
        assertThat(list.body()).contains("is not a topic recguard acts on").doesNotContain("+447700900123");
        long id = store.events(Store.EventStatus.REJECTED, 10).get(0).id();
        assertThat(send("GET", "/events/" + id, (String) null, VIEWER_TOKEN).statusCode()).isEqualTo(403);
        assertThat(send("GET", "/events/" + id, (String) null, OPERATOR_TOKEN).body()).contains("+447700900123");
    }

    @Test
    void an_event_body_that_is_not_utf8_is_refused_with_400_and_kept_byte_for_byte() throws Exception {
        byte[] body = event("\"c-uk\"").getBytes(StandardCharsets.UTF_8);
        int at = new String(body, StandardCharsets.UTF_8).indexOf("c-uk\",") + 1;
        body[at] = (byte) 0xC3; // a lead byte followed by '-': malformed
        var r = send("POST", "/events", body, EVENT_TOKEN);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("not valid UTF-8", "offset " + at);

        Store.Event kept = store.events(Store.EventStatus.REJECTED, 10).get(0);
        assertThat(kept.reason()).contains("not valid UTF-8");
        assertThat(kept.body()).startsWith("base64:");
        assertThat(Base64.getDecoder().decode(kept.body().substring("base64:".length()))).isEqualTo(body);
        assertThat(store.events(Store.EventStatus.ACCEPTED, 10)).isEmpty();
    }

    @Test
    void an_unauthenticated_body_that_is_not_utf8_is_kept_byte_for_byte_too() throws Exception {
        byte[] body = {'{', (byte) 0xFF, (byte) 0xFE, '}'};
        assertThat(send("POST", "/events", body, null).statusCode()).isEqualTo(401);
        Store.Event kept = store.events(Store.EventStatus.REJECTED, 10).get(0);
        assertThat(Base64.getDecoder().decode(kept.body().substring("base64:".length()))).isEqualTo(body);
    }

    @Test
    void the_example_event_in_the_readme_is_accepted() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int from = readme.indexOf("<<'JSON'\n") + "<<'JSON'\n".length();
        String example = readme.substring(from, readme.indexOf("\nJSON\n", from));
        var r = send("POST", "/events", example, EVENT_TOKEN);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        assertThat(r.body()).contains("\"conversationId\":\"0b7c3a52-1c2d-4e5f-8a9b-0c1d2e3f4a5b\"");
    }

    @Test
    void a_conversation_id_that_is_not_a_json_string_is_refused_with_400_naming_the_field() throws Exception {
        for (String id : List.of("42", "true", "{\"id\":\"c-uk\"}")) {
            var r = send("POST", "/events", event(id), EVENT_TOKEN);
            assertThat(r.statusCode()).as(id).isEqualTo(400);
            assertThat(r.body()).as(id).contains("detail.eventBody.conversationId must be a JSON string");
        }
        assertThat(store.events(Store.EventStatus.REJECTED, 10)).hasSize(3);
        assertThat(store.events(Store.EventStatus.ACCEPTED, 10)).isEmpty();
        assertThat(send("POST", "/events", event("\"c-uk\""), EVENT_TOKEN).statusCode()).isEqualTo(202);
    }
}
