package com.recguard.http;

import io.javalin.security.RouteRole;

/**
 * Who may call a route. Every route is registered with exactly one of these, and one access
 * check before every matched route enforces it ({@link ServiceHttp}); a route registered without
 * a role is refused with 500, so the test that calls every route anonymously finds it.
 */
public enum Role implements RouteRole {
    /** Liveness, readiness and metrics: no credentials, no personal data. */
    OPEN,
    /** Genesys (or its EventBridge bridge) sending events and asking for consent routing: {@link EventAuth}. */
    EVENT_SOURCE,
    /** A named operator who may read lists, decisions and holds ({@link Operators}). */
    VIEWER,
    /** A named operator who may also change things: holds, replays, the sweep. Implies {@link #VIEWER}. */
    OPERATOR,
    /**
     * A console page: a signed-in console session (the cookie the sign-in form gives a named
     * operator or viewer, {@link ConsoleWeb}). Without one the answer is 401 with the sign-in form.
     */
    CONSOLE,
    /** The console's sign-in form post: its credentials are in the body, checked by the route (401 when wrong or absent). */
    SIGN_IN;

    /** Whether an operator holding this role may call a route that needs {@code needed}. */
    boolean grants(Role needed) {
        return this == needed || (this == OPERATOR && needed == VIEWER);
    }
}
