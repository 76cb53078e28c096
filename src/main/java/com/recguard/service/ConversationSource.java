package com.recguard.service;

import com.recguard.model.Bundle;
import com.recguard.model.LegalHold;
import java.time.Instant;
import java.util.List;

/** Where conversation facts come from (Genesys Cloud in production, a stub in tests). */
public interface ConversationSource {

    /**
     * Gathers everything the rules need about one conversation: analytics detail, recording
     * metadata, participant attributes, the transcript where one exists. The legal holds in force
     * are added by the caller from its hold register.
     *
     * @param evaluatedAt the instant stamped on the bundle (from the event, not the wall clock)
     * @throws ActionException retryable for rate limits and outages, permanent otherwise
     */
    Bundle gather(String conversationId, Instant evaluatedAt, List<LegalHold> holdsInForce) throws ActionException;

    /**
     * The same gather, stating whether the caller has stopped waiting for Genesys (POLICY.md 1,
     * {@code settled}): false while recordings may still upload, true after the settle deadline.
     * A source that cannot tell the difference marks what it gathered settled when the caller says
     * so, and leaves a bundle it already calls settled (a file, a test) as it is.
     */
    default Bundle gather(String conversationId, Instant evaluatedAt, List<LegalHold> holdsInForce, boolean settled)
            throws ActionException {
        Bundle b = gather(conversationId, evaluatedAt, holdsInForce);
        return b.settled() || !settled ? b : new Bundle(b.conversation(), b.recordings(), b.recordingStops(), b.ivr(),
                b.transcript(), b.legalHolds(), b.evaluatedAt(), settled);
    }

    /** Ids of the conversations that ended in [from, to), for the completeness sweep. */
    List<String> conversationsEndedBetween(Instant from, Instant to) throws ActionException;
}
