package com.recguard.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The lock every archived object gets: Object Lock mode COMPLIANCE (never GOVERNANCE, which an
 * administrator can bypass) until {@code retainUntil}, plus an S3 legal hold while the
 * conversation is held.
 */
public record Protection(Instant retainUntil, boolean legalHold) {

    public static final String MODE = "COMPLIANCE";

    /**
     * The lock date for a decision's {@code retainUntil} day: the end of that UTC day (the next
     * midnight), so the record is still protected on the last day POLICY.md names.
     */
    public static Instant lockInstant(LocalDate retainUntil) {
        return retainUntil.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
