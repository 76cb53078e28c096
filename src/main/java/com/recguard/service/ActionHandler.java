package com.recguard.service;

import java.util.Set;

/**
 * Carries out one kind of action of a decision against an outside system. Handlers must be
 * idempotent: the outbox may run an action again after a crash or a retry, and a repeat must
 * change nothing (deterministic keys, If-None-Match, PUTs that set rather than add).
 */
public interface ActionHandler {

    /** The action types (POLICY.md: ARCHIVE, APPLY_LEGAL_HOLD, RECORD_CONSENT, …) this handler carries out. */
    Set<String> types();

    /**
     * The handler's name, kept with each outbox entry; two handlers may carry out the same action
     * type (APPLY_LEGAL_HOLD: the S3 legal hold and Genesys deletion protection), each its own entry.
     */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * True when actions of different conversations may run at the same time on this handler (it
     * is thread-safe and mostly waits on the network, like the archive); the outbox then runs
     * several conversations at once, each conversation's actions still one after another.
     */
    default boolean concurrent() {
        return false;
    }

    /** @throws ActionException retryable (with an optional Retry-After) or permanent */
    void execute(ActionTask task) throws ActionException;

    /**
     * ALERT handlers also report a conversation the service could not decide (its event failed
     * with {@code reason}); other handlers are never asked.
     */
    default void failed(String conversationId, String reason) throws ActionException {
        throw ActionException.permanent(name() + " does not report failed conversations", null);
    }
}
