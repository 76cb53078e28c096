package com.recguard.service;

import com.recguard.audit.LogEntry;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;

/**
 * Port: decisions, committed with their outbox entries and decision-log entry in one transaction,
 * and the calibrations drawn from them.
 */
public interface DecisionStore {

    /**
     * A decision to commit for an event this node has claimed.
     *
     * @param logInput     the bundle in canonical JSON, for the decision log; null for no log entry
     * @param nextGatherAt null for a final decision (the event is done); else when to gather again
     */
    record Decided(long eventId, String node, String conversationId, String rulePack, String decisionJson,
                   String bundleJson, boolean isFinal, List<Outbox.NewItem> items, String logInput, List<String> firedRules,
                   Instant nextGatherAt, Instant at) {}

    /**
     * @param claimHeld false when this node no longer held the event (another node took it over):
     *                  nothing was written
     * @param added     outbox entries added (an action already there is not added again)
     * @param logEntry  the decision-log entry written in the same transaction, or null
     */
    record Committed(boolean claimHeld, int added, LogEntry logEntry) {}

    /** A decided conversation with the agent who took it (for the calibration set). */
    record Staffed(String conversationId, String agentUserId) {}

    record StoredDecision(String decisionJson, String bundleJson, boolean isFinal) {}

    Committed decided(Decided d);

    List<LogEntry> logEntriesAfter(long seq, int limit);

    boolean seedLog(LogEntry fileHead);

    String latestDecision(String conversationId);

    StoredDecision latest(String conversationId);

    List<Staffed> staffedConversations(String month);

    String calibrationOf(String conversationId);

    void calibrated(String month, String conversationId, String calibrationId);

    SortedMap<String, List<String>> calibrationsByMonth();
}
