package com.recguard.config;

/** One deviation from the guide, with the rule that found it, for the report and the drift alert. */
public record AuditFinding(String code, String rule, String subject, String section, String reason, String fix)
        implements Comparable<AuditFinding> {

    /** What identifies the same deviation from one audit to the next. */
    public String key() {
        return code + " " + subject;
    }

    @Override
    public int compareTo(AuditFinding o) {
        int c = rule.compareTo(o.rule);
        return c != 0 ? c : key().compareTo(o.key());
    }
}
