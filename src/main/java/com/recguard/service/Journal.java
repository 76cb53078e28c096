package com.recguard.service;

import java.time.Instant;
import java.util.List;

/**
 * Port: the append-only journal of events, kept before they are acknowledged (rejected ones
 * included), with the claims that let several nodes share them. Failures are {@link PersistenceException}.
 */
public interface Journal {

    enum EventStatus { ACCEPTED, REJECTED, PROCESSED, FAILED }

    /** @param settleRound how many provisional decisions this event has led to so far */
    record Event(long id, String source, String topic, String conversationId, String body, EventStatus status,
                 String reason, Instant receivedAt, int attempts, Instant nextAttemptAt, int settleRound) {}

    long journal(String source, String topic, String conversationId, String body, EventStatus status, String reason, Instant at);

    List<Event> dueEvents(Instant now, int limit);

    long countDueEvents(Instant now);

    List<Event> events(EventStatus status, int limit);

    List<Event> events(EventStatus status, long after, int limit);

    Event event(long id);

    boolean claimEvent(long id, String node, Instant now, Instant until);

    int releaseEventClaims(String node);

    boolean retryEvent(long id, String node, int attempts, Instant next, String reason);

    boolean failEvent(long id, String node, String reason, Outbox.NewItem alert, String conversationId, Instant at);

    boolean requeueEvent(long id, Instant at);

    boolean knows(String conversationId);

    Instant firstEventAt(String conversationId);
}
