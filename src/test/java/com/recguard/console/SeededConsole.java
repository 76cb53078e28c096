package com.recguard.console;

import com.recguard.TestPaths;
import com.recguard.adapter.file.DecisionLogFile;
import com.recguard.adapter.file.HoldRegisterFile;
import com.recguard.http.EventAuth;
import com.recguard.http.Operators;
import com.recguard.http.ServiceHttp;
import com.recguard.json.BundleReader;
import com.recguard.metrics.PrometheusMetrics;
import com.recguard.model.Bundle;
import com.recguard.model.Conversation;
import com.recguard.model.LegalHold;
import com.recguard.service.ActionException;
import com.recguard.service.ActionHandler;
import com.recguard.service.ActionTask;
import com.recguard.service.CompletenessSweep;
import com.recguard.service.ConversationSource;
import com.recguard.service.MonthlyCalibration;
import com.recguard.service.PackHolder;
import com.recguard.service.QualityProgram;
import com.recguard.service.RecguardService;
import com.recguard.service.ServiceEvents;
import com.recguard.store.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The service with its console, in-process on a free 127.0.0.1 port, seeded through its real
 * intake: every whole-conversation fixture is announced by a Genesys end event in the EventBridge
 * envelope, POSTed over HTTP with the event token; the service gathers it (from the fixture, as a
 * Genesys source would answer), decides it with the shipped pack, saves it and runs its actions.
 * Holds are added through the operator API, so the register's audit names who added them. What
 * fails is real failure handling: one conversation Genesys cannot return (a failed event), and
 * an alert webhook that refuses everything (dead letters).
 */
final class SeededConsole implements AutoCloseable {

    static final String EVENT_TOKEN = "console-event-token";
    static final String OPERATOR = "alice@firm.example";
    static final String OPERATOR_TOKEN = "alice-operator-token";
    static final String VIEWER = "carol.auditor@firm.example";
    static final String VIEWER_TOKEN = "carol-viewer-token";
    /** A conversation Genesys no longer has: its event fails. */
    static final String GONE = "0d1e2f30-dead-4c3d-9e8f-000000000404";
    /** The trader who says "guaranteed return" under legal hold LH-44. */
    static final String TRADER_CALL = "be928082-0b5c-5c1f-9a81-16d0ea6eb7e1";

    final Store store;
    final RecguardService service;
    final ServiceHttp http;
    final Map<String, Bundle> conversations = new LinkedHashMap<>();
    final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    final Clock clock = Clock.systemUTC();

    SeededConsole(Path tmp) throws Exception {
        try (Stream<Path> files = Files.list(Path.of("fixtures/conversations"))) {
            for (Path f : files.sorted().toList()) {
                Bundle b = BundleReader.read(Files.readString(f));
                conversations.put(b.conversation().conversationId(), b);
            }
        }
        store = Store.open("jdbc:sqlite:" + tmp.resolve("recguard.db"));
        ConversationSource source = new ConversationSource() {
            @Override
            public Bundle gather(String id, Instant at, List<LegalHold> holds) throws ActionException {
                Bundle b = conversations.get(id);
                if (b == null) {
                    throw ActionException.permanent("Genesys answered 404: conversation " + id + " not found", null);
                }
                Conversation c = b.conversation();
                return new Bundle(c, b.recordings(), b.recordingStops(), b.ivr(), b.transcript(), holds, at, true);
            }

            @Override
            public List<String> conversationsEndedBetween(Instant from, Instant to) {
                return new ArrayList<>(conversations.keySet());
            }
        };
        ActionHandler done = new ActionHandler() {
            @Override
            public Set<String> types() {
                return Set.of("ARCHIVE", "APPLY_LEGAL_HOLD", "RECORD_CONSENT", "QUEUE_FOR_QA");
            }

            @Override
            public String name() {
                return "SeededActions";
            }

            @Override
            public void execute(ActionTask task) {
                // archived and sent to Genesys, as far as the console can tell: the action is DONE
            }
        };
        ActionHandler refusingWebhook = new ActionHandler() {
            @Override
            public Set<String> types() {
                return Set.of("ALERT");
            }

            @Override
            public String name() {
                return "AlertSink";
            }

            @Override
            public void execute(ActionTask task) throws ActionException {
                throw ActionException.permanent("alert webhook answered 410 Gone", null);
            }
        };
        service = new RecguardService(store, new PackHolder(TestPaths.RULES, null), source, List.of(done, refusingWebhook),
                new HoldRegisterFile(tmp.resolve("holds.json"), clock), new DecisionLogFile(tmp.resolve("decisions.log")), clock,
                ServiceEvents.NONE,
                RecguardService.Settings.defaults("console-test"));
        CompletenessSweep sweep = new CompletenessSweep(source, store, service, Duration.ofMinutes(60), Duration.ofMinutes(15));
        MonthlyCalibration calibration = new MonthlyCalibration(store, new ScoredCalibrations(), List.of("eval-1", "eval-2", "eval-3"),
                2, "console-seed");
        Operators operators = Operators.parse("operators.csv", List.of(
                OPERATOR + ",operator," + Operators.hashOf(OPERATOR_TOKEN),
                VIEWER + ",viewer," + Operators.hashOf(VIEWER_TOKEN)));
        http = new ServiceHttp(service, new PrometheusMetrics(() -> 0, () -> 0, () -> 0), sweep, new EventAuth(EVENT_TOKEN, null), clock)
                .withCalibration(calibration).withOperators(operators)
                .withConsole(new Console(service, store.console(), sweep, calibration, clock))
                .start("127.0.0.1", 0);

        send("POST", "/holds", """
                {"id":"LH-44","userIds":["u-trader-12"],"from":"2026-01-01","why":"SEC inquiry 2026-117 into structured-note sales"}""",
                OPERATOR_TOKEN);
        send("POST", "/holds", """
                {"id":"LH-51","terms":["autocallable"],"why":"Complaint 8841: client says the autocallable was mis-sold"}""",
                OPERATOR_TOKEN);
        for (String id : conversations.keySet()) {
            postEvent(id);
        }
        postEvent(GONE);
        for (int pass = 0; pass < 10 && service.processDue() > 0; pass++) {
            // each pass decides what is due
        }
        for (int pass = 0; pass < 10 && service.dispatchDue() > 0; pass++) {
            // each pass runs the actions that are due
        }
        sweep.run(clock.instant());
        TreeSet<YearMonth> months = new TreeSet<>();
        conversations.values().forEach(b -> months.add(YearMonth.from(b.conversation().conversationStart().atOffset(ZoneOffset.UTC))));
        for (YearMonth m : months) {
            calibration.run(m);
        }
    }

    String base() {
        return "http://127.0.0.1:" + http.port();
    }

    void postEvent(String conversationId) throws Exception {
        String event = """
            {"version":"0","id":"%s","detail-type":"v2.detail.events.conversation.{id}.customer.end",
             "source":"aws.partner/genesys.com/cloud/org/recguard","time":"%s",
             "detail":{"topicName":"v2.detail.events.conversation.%s.customer.end",
             "eventBody":{"conversationId":"%s","eventTime":%d}}}""".formatted(java.util.UUID.randomUUID(), clock.instant(),
                conversationId, conversationId, clock.millis());
        HttpResponse<String> r = send("POST", "/events", event, EVENT_TOKEN);
        if (r.statusCode() != 202) {
            throw new IllegalStateException("event for " + conversationId + " refused: " + r.statusCode() + " " + r.body());
        }
    }

    HttpResponse<String> send(String method, String path, String body, String bearer) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The evaluators' scores for each calibration, as Genesys' quality API would report them once scored. */
    private static final class ScoredCalibrations implements QualityProgram {
        private final Map<String, Integer> spreadById = new LinkedHashMap<>();

        @Override
        public String createCalibration(String conversationId, String agentUserId, List<String> evaluatorIds) {
            String id = "cal-" + (spreadById.size() + 1);
            spreadById.put(id, 4 + 7 * spreadById.size());
            return id;
        }

        @Override
        public Scores scores(String calibrationId) {
            Integer spread = spreadById.get(calibrationId);
            return spread == null ? new Scores(null, null, null) : new Scores(80, 80 + spread / 2, 80 + spread / 2 - spread);
        }
    }

    @Override
    public void close() {
        http.close();
        store.close();
    }
}
