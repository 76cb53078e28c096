package com.recguard.http;

import com.recguard.console.Console;
import com.recguard.service.ConsoleQueries;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The console's HTTP side: its routes, and sign-in. A browser cannot send the operator API's
 * bearer header when it follows a link, so an operator signs in once with a form (name and
 * token, checked against the same operators file) and gets a session cookie: HttpOnly (no script
 * reads it), SameSite=Strict (no other site's page can make the browser send it), Path=/console,
 * Secure unless the service listens on loopback only, valid for {@link #SESSION} at most. Sessions
 * live in memory: a restart signs everyone out. Every page and every piece of data is behind a
 * session; a viewer's role suffices, since the console only reads.
 */
final class ConsoleWeb {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleWeb.class);

    static final String COOKIE = "recguard_console";
    static final Duration SESSION = Duration.ofHours(8);
    private static final Pattern NEXT = Pattern.compile("/console(/[A-Za-z0-9._~-]+)*/?(\\?[A-Za-z0-9._~%&=+:-]*)?");
    private static final String SESSION_ATTRIBUTE = "recguard.console.viewer";

    /** Ends a console request that has no session: 401 with the sign-in form. */
    static final class SignInRequired extends RuntimeException {
        SignInRequired() {
            super("console sign-in required", null, false, false);
        }
    }

    private record Session(Console.Viewer viewer, Instant expires) {}

    private final Console console;
    private final Operators operators;
    private final Clock clock;
    private final boolean secureCookie;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SignInThrottle throttle;

    ConsoleWeb(Console console, Operators operators, Clock clock, String host) {
        this.console = console;
        this.operators = operators;
        this.clock = clock;
        this.secureCookie = secureCookies(host);
        this.throttle = new SignInThrottle(clock);
    }

    /**
     * Whether the session cookie is marked Secure: unless the service listens on loopback only
     * (a browser on the same machine, plain HTTP), it must be reached over HTTPS.
     */
    static boolean secureCookies(String host) {
        try {
            return !InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return true;
        }
    }

    void mount(RoutesConfig routes) {
        routes.exception(SignInRequired.class, (e, ctx) -> signInPage(ctx, null));
        routes.get("/console", ctx -> page(ctx, console.completeness(viewer(ctx), span(ctx), instant(ctx, "end"))), Role.CONSOLE);
        routes.get("/console/violations", ctx -> page(ctx, console.violations(viewer(ctx), ctx.queryParam("code"),
                ctx.queryParam("zone"), ctx.queryParam("agent"), ctx.queryParam("from"), ctx.queryParam("to"),
                number(ctx, "page", 1))), Role.CONSOLE);
        routes.get("/console/conversations/{id}", this::conversation, Role.CONSOLE);
        routes.get("/console/holds", ctx -> page(ctx, console.holds(viewer(ctx))), Role.CONSOLE);
        routes.get("/console/failures", ctx -> page(ctx, console.failures(viewer(ctx), number(ctx, "eventsAfter", 0),
                number(ctx, "deadAfter", 0))), Role.CONSOLE);
        routes.get("/console/rules", ctx -> page(ctx, console.rules(viewer(ctx))), Role.CONSOLE);
        routes.get("/console/qa", ctx -> page(ctx, console.qa(viewer(ctx))), Role.CONSOLE);
        routes.post("/console/signin", this::signIn, Role.SIGN_IN);
        routes.post("/console/signout", this::signOut, Role.CONSOLE);
    }

    /** The access check for {@link Role#CONSOLE}: a live session from the cookie, or 401 with the sign-in form. */
    void requireSession(Context ctx) {
        String id = ctx.cookie(COOKIE);
        Session s = id == null ? null : sessions.get(id);
        if (s == null || !s.expires().isAfter(clock.instant())) {
            if (s != null) {
                sessions.remove(id);
            }
            throw new SignInRequired();
        }
        ctx.attribute(SESSION_ATTRIBUTE, s.viewer());
    }

    private static Console.Viewer viewer(Context ctx) {
        return ctx.attribute(SESSION_ATTRIBUTE);
    }

    private void signInPage(Context ctx, String error) {
        String requested = ctx.method().name().equals("GET") ? ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString())
                : ctx.formParam("next");
        secured(ctx);
        ctx.status(HttpStatus.UNAUTHORIZED);
        ctx.header("WWW-Authenticate", "Bearer realm=\"recguard console\"");
        ctx.html(console.signIn(error, safeNext(requested)));
    }

    private void signIn(Context ctx) {
        String address = ctx.ip();
        Duration wait = throttle.waitFor(address);
        if (!wait.isZero()) {
            LOG.warn("console sign-in from {} not tried: {} refusals within {}", address, SignInThrottle.LIMIT, SignInThrottle.WINDOW);
            signInPage(ctx, "Too many refused sign-ins from this address. Try again in " + (wait.toSeconds() + 1) + " s.");
            ctx.status(HttpStatus.TOO_MANY_REQUESTS);
            ctx.header("Retry-After", String.valueOf(wait.toSeconds() + 1));
            return;
        }
        String name = ctx.formParam("name");
        String token = ctx.formParam("token");
        Operators.Operator who = token == null || token.isBlank() ? null : operators.authenticate("Bearer " + token);
        if (who == null || name == null || !who.name().equals(name.strip())) {
            throttle.refused(address);
            LOG.warn("console sign-in refused for name {}", name == null ? "(none)" : "\"" + name.strip() + "\"");
            signInPage(ctx, "That name and token do not match an operator. Check both and try again.");
            return;
        }
        Instant now = clock.instant();
        sessions.values().removeIf(s -> !s.expires().isAfter(now));
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        sessions.put(id, new Session(new Console.Viewer(who.name(), who.role().name().toLowerCase(Locale.ROOT)), now.plus(SESSION)));
        ctx.header("Set-Cookie", COOKIE + "=" + id + "; Path=/console; Max-Age=" + SESSION.toSeconds() + "; HttpOnly; SameSite=Strict"
                + (secureCookie ? "; Secure" : ""));
        LOG.info("operator {} signed in to the console", who.name());
        secured(ctx);
        ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
    }

    private void signOut(Context ctx) {
        String id = ctx.cookie(COOKIE);
        if (id != null) {
            sessions.remove(id);
        }
        ctx.header("Set-Cookie", COOKIE + "=; Path=/console; Max-Age=0; HttpOnly; SameSite=Strict" + (secureCookie ? "; Secure" : ""));
        LOG.info("operator {} signed out of the console", viewer(ctx).name());
        secured(ctx);
        ctx.status(HttpStatus.OK);
        ctx.html(console.signIn("You are signed out.", "/console"));
    }

    /** Only a console path of this service: never another site, a protocol-relative URL or a path that climbs out. */
    static String safeNext(String next) {
        return next != null && NEXT.matcher(next).matches() && !next.contains("//") && !next.split("\\?", 2)[0].contains("..")
                ? next : "/console";
    }

    private void conversation(Context ctx) {
        String html = console.conversation(viewer(ctx), ctx.pathParam("id"));
        if (html == null) {
            secured(ctx);
            ctx.status(HttpStatus.NOT_FOUND);
            ctx.html(console.notFound(viewer(ctx), "No decision has been made for conversation " + ctx.pathParam("id") + " yet."));
            return;
        }
        page(ctx, html);
    }

    private static void page(Context ctx, String html) {
        secured(ctx);
        ctx.html(html);
    }

    /** Pages with personal data: not cached, not framed, no script, nothing loaded from elsewhere. */
    private static void secured(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self';"
                + " frame-ancestors 'none'; base-uri 'none'");
    }

    private static ConsoleQueries.Span span(Context ctx) {
        return "day".equals(ctx.queryParam("span")) ? ConsoleQueries.Span.DAY : ConsoleQueries.Span.HOUR;
    }

    private static Instant instant(Context ctx, String name) {
        String v = ctx.queryParam(name);
        try {
            return v == null || v.isBlank() ? null : Instant.parse(v);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static int number(Context ctx, String name, int fallback) {
        String v = ctx.queryParam(name);
        try {
            return v == null || v.isBlank() ? fallback : Math.max(0, Integer.parseInt(v));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
