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
    OPERATOR;

    /** Whether an operator holding this role may call a route that needs {@code needed}. */
    boolean grants(Role needed) {
        return this == needed || (this == OPERATOR && needed == VIEWER);
    }
}
