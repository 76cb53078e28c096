package com.recguard.http;

import com.recguard.console.Console;
import com.recguard.evidence.EvidenceDesk;
import com.recguard.evidence.EvidenceException;
import com.recguard.evidence.EvidencePacker;
import com.recguard.evidence.Selection;
import com.recguard.json.DecisionReader;
import com.recguard.json.Json;
import com.recguard.metrics.PrometheusMetrics;
import com.recguard.model.LegalHold;
import com.recguard.service.CompletenessSweep;
import com.recguard.service.MonthlyCalibration;
import com.recguard.service.ConsentRouting;
import com.recguard.service.Journal;
import com.recguard.service.Outbox;
import com.recguard.service.PersistenceException;
import com.recguard.service.RecguardService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.router.ParsedEndpoint;
import io.javalin.security.RouteRole;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP face of the service (Javalin). Takes its collaborators in the constructor and binds
 * to the host it is given (127.0.0.1 by default). Routes and their roles are listed in the README.
 *
 * <p>Every route is registered with one {@link Role}, and one access check runs before every
 * matched route: {@code /health}, {@code /ready} and {@code /metrics} are open; {@code /events}
 * and {@code /consent} take the event-source credentials ({@link EventAuth}); everything else
 * takes a named operator's token ({@link Operators}), whose name is what the audit records. A
 * route registered without a role is refused with 500, never served.
 */
public final class ServiceHttp implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceHttp.class);
    /** Audit records (who took which evidence pack), logged at INFO whatever the root level (logback.xml). */
    private static final Logger AUDIT = LoggerFactory.getLogger("recguard.audit");

    /** The consent data action's request: caller number, dialled line, digit pressed (may be empty). */
    public record ConsentRequest(String conversationId, String callerNumber, String dialledLine, String consentDigit,
                                 String clientRegion) {}

    /**
     * A hold to add through the API and why (required, audited). Who adds it is the authenticated
     * operator; {@code who} is accepted only to refuse it with a clear reason.
     */
    public record HoldRequest(String id, List<String> userIds, String from, String to, List<String> terms, String who, String why) {}

    /** A journaled event as the operator lists show it: no body, since bodies may carry personal data. */
    public record EventSummary(long id, String source, String topic, String conversationId, String status, String reason,
                               Instant receivedAt, int attempts, Instant nextAttemptAt) {
        static EventSummary of(Journal.Event e) {
            return new EventSummary(e.id(), e.source(), e.topic(), e.conversationId(), e.status().name(), e.reason(),
                    e.receivedAt(), e.attempts(), e.nextAttemptAt());
        }
    }

    /** A dead letter as the list shows it: no decision, bundle or action parameters (numbers, transcripts). */
    public record DeadLetterSummary(long id, String conversationId, String type, String handler, int attempts, String reason,
                                    Instant lastAttemptDueAt) {
        static DeadLetterSummary of(Outbox.Item i) {
            return new DeadLetterSummary(i.id(), i.conversationId(), i.type(), i.handler(), i.attempts(), i.lastError(),
                    i.nextAttemptAt());
        }
    }

    /** One page of a list, and the {@code after} that fetches the next one (null on the last page). */
    public record Page<T>(List<T> items, Long next) {}

    /** Ends a request from the access check or a handler with a status and a JSON reason. */
    private static final class Refused extends RuntimeException {
        final HttpStatus status;
        final Map<String, Object> body;

        Refused(HttpStatus status, Map<String, Object> body) {
            super(String.valueOf(body.get("reason")), null, false, false);
            this.status = status;
            this.body = body;
        }

        Refused(HttpStatus status, String reason) {
            this(status, Map.of("reason", reason));
        }
    }

    private static final int MAX_BODY = 512 * 1024;
    static final int DEFAULT_PAGE = 100;
    static final int MAX_PAGE = 1000;
    private static final String OPERATOR = "recguard.operator";

    private final RecguardService service;
    private final PrometheusMetrics metrics;
    private final CompletenessSweep sweep;
    private final EventAuth auth;
    private final Clock clock;
    private MonthlyCalibration calibration;
    private EvidenceDesk evidence;
    private Operators operators = Operators.none();
    private Console console;
    private ConsoleWeb consoleWeb;
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

    /** Serves evidence packs at GET /evidence (docs/evidence.md); without this call the route answers 503. */
    public ServiceHttp withEvidence(EvidenceDesk evidence) {
        this.evidence = evidence;
        return this;
    }

    /** The operators who may use the operator routes; without this call nobody may. */
    public ServiceHttp withOperators(Operators operators) {
        this.operators = operators;
        return this;
    }

    /** Serves the read-only console under /console, behind a sign-in with the operators' credentials. */
    public ServiceHttp withConsole(Console console) {
        this.console = console;
        return this;
    }

    public ServiceHttp start(String host, int port) {
        consoleWeb = console == null ? null : new ConsoleWeb(console, operators, clock, host);
        app = Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.http.maxRequestSize = MAX_BODY;
            config.startup.showJavalinBanner = false;
            config.routes.beforeMatched(this::access);
            config.routes.exception(Refused.class, (e, ctx) -> {
                ctx.status(e.status);
                json(ctx, e.body);
            });
            config.routes.get("/health", ctx -> ctx.result("ok"), Role.OPEN);
            config.routes.get("/ready", this::ready, Role.OPEN);
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4").result(metrics.scrape()), Role.OPEN);
            config.routes.post("/events", this::event, Role.EVENT_SOURCE);
            config.routes.post("/consent", this::consent, Role.EVENT_SOURCE);
            config.routes.get("/events/rejected", ctx -> json(ctx, page(ctx,
                    (after, n) -> service.store().events(Journal.EventStatus.REJECTED, after, n), EventSummary::id, EventSummary::of)),
                    Role.VIEWER);
            config.routes.get("/events/failed", ctx -> json(ctx, page(ctx,
                    (after, n) -> service.store().events(Journal.EventStatus.FAILED, after, n), EventSummary::id, EventSummary::of)),
                    Role.VIEWER);
            config.routes.get("/events/{id}", this::eventWithBody, Role.OPERATOR);
            config.routes.post("/events/{id}/replay", ctx -> replayed(ctx, "event",
                    service.store().requeueEvent(id(ctx), clock.instant())), Role.OPERATOR);
            config.routes.get("/deadletters", ctx -> json(ctx, page(ctx,
                    (after, n) -> service.store().items(Outbox.ItemStatus.DEAD, after, n), DeadLetterSummary::id,
                    DeadLetterSummary::of)), Role.VIEWER);
            config.routes.post("/deadletters/{id}/replay", ctx -> replayed(ctx, "dead letter",
                    service.store().replay(id(ctx), clock.instant())), Role.OPERATOR);
            config.routes.get("/decisions/{conversationId}", this::decision, Role.VIEWER);
            config.routes.get("/holds", ctx -> json(ctx, service.holds().inForce()), Role.VIEWER);
            config.routes.post("/holds", this::putHold, Role.OPERATOR);
            config.routes.delete("/holds/{id}", this::releaseHold, Role.OPERATOR);
            config.routes.get("/evidence", this::evidencePack, Role.OPERATOR);
            config.routes.get("/sweep", ctx -> json(ctx, sweep == null ? List.of() : sweep.recent()), Role.VIEWER);
            config.routes.get("/qa/alignment", ctx -> json(ctx, calibration == null ? List.of() : calibration.alignment()),
                    Role.VIEWER);
            if (consoleWeb != null) {
                consoleWeb.mount(config.routes);
            }
        }).start();
        return this;
    }

    public int port() {
        return app.port();
    }

    /** Every registered HTTP route as "METHOD path" with its roles, from Javalin's own router (for tests and docs). */
    public Map<String, Set<RouteRole>> routes() {
        Map<String, Set<RouteRole>> out = new LinkedHashMap<>();
        for (ParsedEndpoint p : app.unsafe.internalRouter.allHttpHandlers()) {
            if (p.endpoint.method.isHttpMethod()) {
                io.javalin.security.Roles roles = p.endpoint.metadata(io.javalin.security.Roles.class);
                out.put(p.endpoint.method.name() + " " + p.endpoint.path, roles == null ? Set.of() : roles.getRoles());
            }
        }
        return out;
    }

    /**
     * The one access check, before every matched route. A route must carry exactly one
     * {@link Role}; one without is a programming mistake and is refused rather than served.
     */
    private void access(Context ctx) throws Exception {
        Set<RouteRole> roles = ctx.routeRoles();
        if (roles.size() != 1 || !(roles.iterator().next() instanceof Role needed)) {
            LOG.error("route {} {} has no role; refused until it is given one", ctx.method(), ctx.endpoints().matchedHttpEndpoint().path);
            throw new Refused(HttpStatus.INTERNAL_SERVER_ERROR, "this route has no access role; it is refused until it has one");
        }
        switch (needed) {
            case OPEN -> { }
            case EVENT_SOURCE -> eventSource(ctx);
            case VIEWER, OPERATOR -> operator(ctx, needed);
            case CONSOLE -> {
                if (consoleWeb == null) {
                    throw new Refused(HttpStatus.UNAUTHORIZED, "the console is not served");
                }
                consoleWeb.requireSession(ctx);
            }
            case SIGN_IN -> { } // the credentials are the form's; the route checks them and answers 401 when wrong
        }
    }

    /**
     * Event-source credentials. A refused event is journaled as REJECTED with the reason (an
     * operator can inspect and replay it), but the answer does not carry its journal id: that is
     * for operators, whose routes an anonymous caller cannot use.
     */
    private void eventSource(Context ctx) throws Exception {
        byte[] body = ctx.bodyAsBytes();
        String problem = auth.problem(ctx.header("Authorization"), ctx.header(EventAuth.SIGNATURE_HEADER), body);
        if (problem == null) {
            return;
        }
        if (ctx.endpoints().matchedHttpEndpoint().path.equals("/events")) {
            String text = strictUtf8(body).text();
            service.accept("http", text != null ? text : base64(body), problem);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("accepted", false);
        out.put("reason", problem);
        ctx.header("WWW-Authenticate", "Bearer realm=\"recguard events\"");
        throw new Refused(HttpStatus.UNAUTHORIZED, out);
    }

    /** Operator credentials: a named token from the operators file, with a role that grants the route. */
    private void operator(Context ctx, Role needed) {
        Operators.Operator who = operators.authenticate(ctx.header("Authorization"));
        if (who == null) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"recguard operators\"");
            throw new Refused(HttpStatus.UNAUTHORIZED, ctx.header("Authorization") == null
                    ? "operator credentials required: Authorization: Bearer <operator token>"
                    : "not an operator token (event-source credentials do not open operator routes)");
        }
        if (!who.role().grants(needed)) {
            throw new Refused(HttpStatus.FORBIDDEN, "operator " + who.name() + " is a " + who.role().name().toLowerCase(java.util.Locale.ROOT)
                    + "; this route needs the operator role");
        }
        ctx.attribute(OPERATOR, who);
    }

    private static Operators.Operator operator(Context ctx) {
        return ctx.attribute(OPERATOR);
    }

    private void event(Context ctx) throws Exception {
        byte[] body = ctx.bodyAsBytes();
        Decoded decoded = strictUtf8(body);
        RecguardService.Intake in;
        if (decoded.text() == null) {
            in = service.refuse("http", base64(body), "body is not valid UTF-8 (" + decoded.problem()
                    + "); kept as base64 of the bytes received");
        } else if (decoded.text().indexOf('\0') >= 0) {
            in = service.refuse("http", base64(body), "body contains a NUL character, which JSON allows only escaped;"
                    + " kept as base64 of the bytes received");
        } else {
            in = service.accept("http", decoded.text(), null);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("journalId", in.journalId());
        out.put("accepted", in.accepted());
        if (in.accepted()) {
            out.put("conversationId", in.conversationId());
            ctx.status(HttpStatus.ACCEPTED);
        } else {
            out.put("reason", in.reason());
            ctx.status(HttpStatus.BAD_REQUEST);
        }
        json(ctx, out);
    }

    /** The text of a body decoded as strict UTF-8, or null and where it stops being UTF-8. */
    record Decoded(String text, String problem) {}

    static Decoded strictUtf8(byte[] body) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(body);
        CharBuffer out = CharBuffer.allocate(body.length);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isUnderflow()) {
            r = decoder.flush(out);
        }
        if (r.isError()) {
            return new Decoded(null, (r.isMalformed() ? "malformed" : "unmappable") + " input of " + r.length()
                    + " byte(s) at offset " + in.position());
        }
        return new Decoded(out.flip().toString(), null);
    }

    private static String base64(byte[] body) {
        return "base64:" + Base64.getEncoder().encodeToString(body);
    }

    private void eventWithBody(Context ctx) throws Exception {
        Journal.Event e = service.store().event(id(ctx));
        if (e == null) {
            throw new Refused(HttpStatus.NOT_FOUND, "no such event");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("summary", EventSummary.of(e));
        out.put("body", e.body());
        json(ctx, out);
    }

    /** A source of pages: ids above {@code after}, at most {@code limit}. */
    @FunctionalInterface
    interface PageSource<R> {
        List<R> fetch(long after, int limit) throws Exception;
    }

    /** {@code ?limit=} (default 100, at most 1000) and {@code ?after=} (the {@code next} of the previous page). */
    private static <R, T> Page<T> page(Context ctx, PageSource<R> source, Function<T, Long> idOf, Function<R, T> summary)
            throws Exception {
        int limit = intParam(ctx, "limit", DEFAULT_PAGE);
        if (limit < 1 || limit > MAX_PAGE) {
            throw new Refused(HttpStatus.BAD_REQUEST, "limit must be between 1 and " + MAX_PAGE);
        }
        long after = ctx.queryParam("after") == null ? 0 : longParam(ctx, "after");
        List<R> rows = source.fetch(after, limit + 1);
        List<T> items = new ArrayList<>();
        for (int i = 0; i < Math.min(limit, rows.size()); i++) {
            items.add(summary.apply(rows.get(i)));
        }
        Long next = rows.size() > limit ? idOf.apply(items.get(items.size() - 1)) : null;
        return new Page<>(items, next);
    }

    private static int intParam(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, name + " must be a whole number");
        }
    }

    private static long longParam(Context ctx, String name) {
        try {
            return Long.parseLong(ctx.queryParam(name));
        } catch (NumberFormatException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, name + " must be a whole number");
        }
    }

    private void consent(Context ctx) {
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
        } catch (PersistenceException e) {
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
        if (h.who() != null) {
            throw new Refused(HttpStatus.BAD_REQUEST, "leave out \"who\": the audit records the operator your token names");
        }
        if (h.id() == null || h.why() == null || h.why().isBlank()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            json(ctx, Map.of("reason", "id and why are required"));
            return;
        }
        LegalHold hold = new LegalHold(h.id(), h.userIds() == null ? List.of() : h.userIds(),
                h.from() == null ? null : LocalDate.parse(h.from()), h.to() == null ? null : LocalDate.parse(h.to()),
                h.terms() == null ? List.of() : h.terms());
        service.holds().put(hold, operator(ctx).name(), h.why());
        ctx.status(HttpStatus.CREATED);
        json(ctx, hold);
    }

    /**
     * Streams an evidence pack for {@code ?conversation=ID} (repeatable), or a query {@code ?user=&from=&to=}
     * and/or {@code ?hold=}, over {@code ?region=} (repeatable; default the home region). Everything is
     * checked before the first byte; who took which pack is logged before it is sent.
     */
    private void evidencePack(Context ctx) throws Exception {
        if (evidence == null) {
            throw new Refused(HttpStatus.SERVICE_UNAVAILABLE, "evidence packs are not set up on this service");
        }
        Selection selection;
        try {
            selection = new Selection(ctx.queryParams("conversation"), ctx.queryParam("user"),
                    day(ctx, "from"), day(ctx, "to"), ctx.queryParam("hold"));
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, e.getMessage());
        }
        EvidencePacker.Plan plan;
        try {
            plan = evidence.plan(selection, ctx.queryParams("region"));
        } catch (EvidenceException e) {
            throw new Refused(HttpStatus.NOT_FOUND, e.getMessage());
        }
        List<String> ids = plan.conversations().stream().map(EvidencePacker.Planned::conversationId).toList();
        AUDIT.info("operator {} took an evidence pack of {} ({} conversation(s): {})", operator(ctx).name(), selection.describe(),
                ids.size(), String.join(", ", ids));
        ctx.contentType("application/zip");
        ctx.header("Content-Disposition", "attachment; filename=\"recguard-evidence-"
                + plan.readAt().toString().replace(":", "").replaceAll("\\..*", "") + ".zip\"");
        evidence.write(plan, ctx.outputStream());
    }

    private static LocalDate day(Context ctx, String name) {
        String v = ctx.queryParam(name);
        return v == null ? null : LocalDate.parse(v);
    }

    private void releaseHold(Context ctx) throws Exception {
        if (ctx.queryParam("who") != null) {
            throw new Refused(HttpStatus.BAD_REQUEST, "leave out ?who=: the audit records the operator your token names");
        }
        String why = ctx.queryParam("why");
        if (why == null || why.isBlank()) {
            ctx.status(HttpStatus.BAD_REQUEST);
            json(ctx, Map.of("reason", "releasing a hold needs ?why=… (audited with your operator name)"));
            return;
        }
        boolean released = service.holds().release(ctx.pathParam("id"), operator(ctx).name(), why);
        ctx.status(released ? HttpStatus.OK : HttpStatus.NOT_FOUND);
        json(ctx, Map.of("released", released));
    }

    private static void json(Context ctx, Object value) {
        ctx.contentType("application/json").result(Json.write(value));
    }

    private static long id(Context ctx) {
        try {
            return Long.parseLong(ctx.pathParam("id"));
        } catch (NumberFormatException e) {
            throw new Refused(HttpStatus.BAD_REQUEST, "id must be a whole number");
        }
    }

    private static void replayed(Context ctx, String what, boolean ok) {
        if (ok) {
            LOG.info("operator {} sent {} {} back for processing", operator(ctx).name(), what, ctx.pathParam("id"));
        }
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
