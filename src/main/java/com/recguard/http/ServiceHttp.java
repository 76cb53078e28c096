package com.recguard.http;

import com.recguard.json.DecisionReader;
import com.recguard.json.Json;
import com.recguard.metrics.PrometheusMetrics;
import com.recguard.model.LegalHold;
import com.recguard.service.CompletenessSweep;
import com.recguard.service.MonthlyCalibration;
import com.recguard.service.ConsentRouting;
import com.recguard.service.RecguardService;
import com.recguard.store.Store;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The HTTP face of the service (Javalin). Takes its collaborators in the constructor and binds
 * to the host it is given (127.0.0.1 by default). Routes are listed in the README.
 */
public final class ServiceHttp implements AutoCloseable {

    /** The consent data action's request: caller number, dialled line, digit pressed (may be empty). */
    public record ConsentRequest(String conversationId, String callerNumber, String dialledLine, String consentDigit,
                                 String clientRegion) {}

    /** A hold to add through the API, with who adds it and why (both required, audited). */
    public record HoldRequest(String id, List<String> userIds, String from, String to, List<String> terms, String who, String why) {}

    private static final int MAX_BODY = 512 * 1024;

    private final RecguardService service;
    private final PrometheusMetrics metrics;
    private final CompletenessSweep sweep;
    private final EventAuth auth;
    private final Clock clock;
    private MonthlyCalibration calibration;
    private Javalin app;

    public ServiceHttp(RecguardService service, PrometheusMetrics metrics, CompletenessSweep sweep, EventAuth auth, Clock clock) {
        this.service = service;
        this.metrics = metrics;
        this.sweep = sweep;
        this.auth = auth;
        this.clock = clock;
    }

    /** Serves the evaluator-alignment report of the monthly calibrations at GET /qa/alignment. */
    public ServiceHttp withCalibration(MonthlyCalibration calibration) {
        this.calibration = calibration;
        return this;
    }

    public ServiceHttp start(String host, int port) {
        app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.http.maxRequestSize = MAX_BODY;
            config.startup.showJavalinBanner = false;
            config.routes.post("/events", this::event);
            config.routes.post("/consent", this::consent);
            config.routes.get("/health", ctx -> ctx.result("ok"));
            config.routes.get("/ready", this::ready);
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()));
            config.routes.get("/events/rejected", ctx -> json(ctx, service.store().events(Store.EventStatus.REJECTED, 1000)));
            config.routes.get("/events/failed", ctx -> json(ctx, service.store().events(Store.EventStatus.FAILED, 1000)));
            config.routes.post("/events/{id}/replay", ctx -> replayed(ctx, service.store().requeueEvent(id(ctx), clock.instant())));
            config.routes.get("/deadletters", ctx -> json(ctx, service.store().items(Store.ItemStatus.DEAD)));
            config.routes.post("/deadletters/{id}/replay", ctx -> replayed(ctx, service.store().replay(id(ctx), clock.instant())));
            config.routes.get("/decisions/{conversationId}", this::decision);
            config.routes.get("/holds", ctx -> json(ctx, service.holds().inForce()));
            config.routes.post("/holds", this::putHold);
            config.routes.delete("/holds/{id}", this::releaseHold);
            config.routes.get("/sweep", ctx -> json(ctx, sweep == null ? List.of() : sweep.recent()));
            config.routes.get("/qa/alignment", ctx -> json(ctx, calibration == null ? List.of() : calibration.alignment()));
        }).start();
        return this;
    }

    public int port() {
        return app.port();
    }

    private void event(Context ctx) throws Exception {
        byte[] body = ctx.bodyAsBytes();
        String problem = auth.problem(ctx.header("Authorization"), ctx.header(EventAuth.SIGNATURE_HEADER), body);
        RecguardService.Intake in = service.accept("http", new String(body, java.nio.charset.StandardCharsets.UTF_8), problem);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("journalId", in.journalId());
        out.put("accepted", in.accepted());
        if (in.accepted()) {
            out.put("conversationId", in.conversationId());
            ctx.status(HttpStatus.ACCEPTED);
            json(ctx, out);
        } else {
            out.put("reason", in.reason());
            ctx.status(problem != null ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST);
            json(ctx, out);
        }
    }

    private void consent(Context ctx) {
        String problem = auth.problem(ctx.header("Authorization"), ctx.header(EventAuth.SIGNATURE_HEADER), ctx.bodyAsBytes());
        if (problem != null) {
            ctx.status(HttpStatus.UNAUTHORIZED);
            json(ctx, Map.of("reason", problem));
            return;
        }
        ConsentRequest r = ctx.bodyAsClass(ConsentRequest.class);
        if (r.callerNumber() == null || r.dialledLine() == null) {
            ctx.status(HttpStatus.BAD_REQUEST);
            json(ctx, Map.of("reason", "callerNumber and dialledLine are required"));
            return;
        }
        ConsentRouting.Answer a = ConsentRouting.decide(service.packs().evaluator(),
                r.conversationId() == null ? "ivr-consent" : r.conversationId(), r.callerNumber(), r.dialledLine(),
                r.consentDigit(), r.clientRegion(), clock.instant());
        json(ctx, a);
    }

    private void ready(Context ctx) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rulePack", service.packs().evaluator().pack().sha256());
        out.put("lastRejectedEdit", service.packs().lastRejection());
        try {
            out.put("outboxDepth", service.store().count("outbox", "PENDING"));
            String stalled = service.stalled();
            if (stalled != null) {
                out.put("processing", stalled);
                ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
            }
            json(ctx, out);
        } catch (java.sql.SQLException e) {
            out.put("store", e.getMessage());
            ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
            json(ctx, out);
        }
    }

    private void decision(Context ctx) throws Exception {
        String json = service.store().latestDecision(ctx.pathParam("conversationId"));
        if (json == null) {
            ctx.status(HttpStatus.NOT_FOUND);
            json(ctx, Map.of("reason", "no decision for this conversation yet"));
        } else {
            DecisionReader.read(json); // refuse to serve something that is not a decision
            ctx.contentType("application/json").result(json);
        }
    }

    private void putHold(Context ctx) throws Exception {
        HoldRequest h = ctx.bodyAsClass(HoldRequest.class);
        if (h.id() == null || h.who() == null || h.why() == null) {
            ctx.status(HttpStatus.BAD_REQUEST);
            json(ctx, Map.of("reason", "id, who and why are required"));
            return;
        }
        LegalHold hold = new LegalHold(h.id(), h.userIds() == null ? List.of() : h.userIds(),
                h.from() == null ? null : LocalDate.parse(h.from()), h.to() == null ? null : LocalDate.parse(h.to()),
                h.terms() == null ? List.of() : h.terms());
        service.holds().put(hold, h.who(), h.why());
        ctx.status(HttpStatus.CREATED);
            json(ctx, hold);
    }

    private void releaseHold(Context ctx) throws Exception {
        String who = ctx.queryParam("who");
        String why = ctx.queryParam("why");
        if (who == null || why == null || why.isBlank()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            json(ctx, Map.of("reason", "releasing a hold needs ?who=…&why=… (audited)"));
            return;
        }
        boolean released = service.holds().release(ctx.pathParam("id"), who, why);
        ctx.status(released ? HttpStatus.OK : HttpStatus.NOT_FOUND);
            json(ctx, Map.of("released", released));
    }

    private static void json(Context ctx, Object value) {
        ctx.contentType("application/json").result(Json.write(value));
    }

    private static long id(Context ctx) {
        return Long.parseLong(ctx.pathParam("id"));
    }

    private static void replayed(Context ctx, boolean ok) {
        ctx.status(ok ? HttpStatus.OK : HttpStatus.NOT_FOUND);
            json(ctx, Map.of("requeued", ok));
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}
