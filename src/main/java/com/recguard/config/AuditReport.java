package com.recguard.config;

import java.time.Instant;
import java.util.List;

/** The result of one audit: the findings sorted by rule, the pack that decided, the snapshot's time. */
public record AuditReport(Instant takenAt, String rulePack, List<AuditFinding> findings) {

    public AuditReport {
        findings = List.copyOf(findings);
    }

    public boolean compliant() {
        return findings.isEmpty();
    }
}
