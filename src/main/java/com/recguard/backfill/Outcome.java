package com.recguard.backfill;

import com.recguard.model.Decision;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What became of one listed conversation, as the checkpoint keeps it and the report counts it.
 *
 * @param day        the UTC day the conversation ended (the report's row)
 * @param status     {@link Status#DECIDED} by this back-fill, {@link Status#KNOWN} (the service's
 *                   store already had a decision: not gathered), or {@link Status#FAILED}
 * @param recording  the decision's recording verdict (RECORDED, EXEMPT…), null when failed
 * @param archive    the decision asks for ARCHIVE
 * @param hold       the decision puts a legal hold on the conversation
 * @param violations the decision's violation codes, sorted, one per violation
 * @param failure    why it failed, else null
 */
public record Outcome(String conversationId, LocalDate day, Status status, String recording, boolean archive,
                      boolean hold, List<String> violations, String failure) {

    public enum Status { DECIDED, KNOWN, FAILED }

    public Outcome {
        Objects.requireNonNull(conversationId);
        Objects.requireNonNull(day);
        violations = List.copyOf(violations);
    }

    /** Finished work: a failed conversation is gathered again on the next run. */
    public boolean finished() {
        return status != Status.FAILED;
    }

    static Outcome of(String conversationId, LocalDate day, Status status, Decision d) {
        return new Outcome(conversationId, day, status, d.recording(),
                d.actions().stream().anyMatch(a -> "ARCHIVE".equals(a.type())), d.legalHold(),
                d.violations().stream().map(v -> v.code()).sorted().toList(), null);
    }

    static Outcome failed(String conversationId, LocalDate day, String why) {
        return new Outcome(conversationId, day, Status.FAILED, null, false, false, List.of(), why);
    }
}
