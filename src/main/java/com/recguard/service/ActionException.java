package com.recguard.service;

import java.time.Duration;

/**
 * A failed call to an outside system. Retryable failures (429, 5xx, timeouts) are retried with
 * backoff, honouring {@code retryAfter} when the system gave one; permanent ones go to the
 * dead-letter list for an operator.
 */
public final class ActionException extends Exception {
    private final boolean retryable;
    private final Duration retryAfter;

    private ActionException(String message, Throwable cause, boolean retryable, Duration retryAfter) {
        super(message, cause);
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    public static ActionException retryable(String message, Duration retryAfter, Throwable cause) {
        return new ActionException(message, cause, true, retryAfter);
    }

    public static ActionException permanent(String message, Throwable cause) {
        return new ActionException(message, cause, false, null);
    }

    public boolean retryable() {
        return retryable;
    }

    /** How long the system asked us to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
