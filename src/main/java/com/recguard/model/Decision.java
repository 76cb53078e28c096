package com.recguard.model;

import java.time.LocalDate;
import java.util.List;

/**
 * The decision of POLICY.md section 2. Lists are sorted by the evaluator so that the same bundle
 * and rule pack always give the same bytes. {@code isFinal} is the JSON field {@code final}: false
 * for a provisional decision taken while recordings may still be uploading (POLICY.md 3, Settling).
 */
public record Decision(
        String conversationId,
        String recording,
        String consent,
        String residencyZone,
        String archiveRegion,
        boolean legalHold,
        List<String> holdReasons,
        LocalDate retainUntil,
        List<Violation> violations,
        List<Action> actions,
        List<Evidence> evidence,
        boolean isFinal,
        String rulePack,
        List<String> firedRules) {

    public Decision {
        holdReasons = List.copyOf(holdReasons);
        violations = List.copyOf(violations);
        actions = List.copyOf(actions);
        evidence = List.copyOf(evidence);
        firedRules = List.copyOf(firedRules);
    }
}
