package com.recguard.service;

import com.recguard.audit.LogEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the read-only console asks of the store: counts and pages computed in the database, so no
 * page loads a whole table into memory. Filled from the summary the store keeps beside each
 * conversation's latest decision (written in the decision's own transaction).
 */
public interface ConsoleQueries {

    /** How finely completeness is counted. */
    enum Span {
        HOUR(3_600_000L), DAY(86_400_000L);

        public final long millis;

        Span(long millis) {
            this.millis = millis;
        }
    }

    /**
     * One hour or day, by when recguard first heard of each conversation (its first accepted
     * event, the sweep's included): how many, and where each stands now. {@code pending} were
     * seen and have no decision yet; {@code archived} have their ARCHIVE action done.
     */
    record Bucket(Instant start, long seen, long decidedFinal, long provisional, long archived, long exempt,
                  long withViolations, long pending) {}

    /** Buckets with at least one conversation, in [from, to), oldest first. */
    List<Bucket> completeness(Span span, Instant from, Instant to);

    /** Narrows the open violations; null or blank means any. Dates are of the conversation start, UTC, inclusive. */
    record ViolationFilter(String code, String zone, String agent, LocalDate from, LocalDate to) {
        public static final ViolationFilter ANY = new ViolationFilter(null, null, null, null, null);
    }

    /** A violation of a conversation's latest decision. {@code agents}: the staff user ids, space-separated. */
    record OpenViolation(String conversationId, String code, String rule, String detail, String zone, String agents,
                         Instant conversationStart, Instant decidedAt) {}

    /** Open violations, newest conversation first, from {@code offset}, at most {@code limit}. */
    List<OpenViolation> openViolations(ViolationFilter filter, int offset, int limit);

    /** The distinct violation codes and zones among the open violations, for the filter's choices. */
    List<String> openViolationCodes();

    List<String> openViolationZones();

    /** An outbox entry of one conversation as the console shows it (its parameters, never the bundle). */
    record ActionState(long id, String type, String handler, String status, int attempts, String lastError,
                       Instant updatedAt) {}

    /** Every action the conversation's decisions queued, oldest first (a few per conversation). */
    List<ActionState> actionsOf(String conversationId);

    /** The conversation's newest decision-log entry, or null (decided before the log, or without one). */
    LogEntry latestLogEntry(String conversationId);

    /** How many conversations' latest decisions carry this hold reason (e.g. {@code HOLD:LH-44}). */
    long heldBy(String holdReason);
}
