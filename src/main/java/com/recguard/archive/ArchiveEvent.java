package com.recguard.archive;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Something that changed an archive after its manifest was written, itself stored as a locked
 * object (the manifest cannot change): a legal hold applied later, a hold released (with the
 * operator's reason), or the retention extended.
 *
 * @param holdReasons for HOLD_APPLIED all reasons in force after it; for HOLD_RELEASED those it released
 * @param reason the operator's reason (HOLD_RELEASED)
 * @param retainUntil the new date (RETENTION_EXTENDED)
 */
public record ArchiveEvent(
        String type,
        String conversationId,
        Instant at,
        String by,
        List<String> holdReasons,
        String reason,
        LocalDate retainUntil,
        String rulePack) {

    public static final String HOLD_APPLIED = "HOLD_APPLIED";
    public static final String HOLD_RELEASED = "HOLD_RELEASED";
    public static final String RETENTION_EXTENDED = "RETENTION_EXTENDED";

    public ArchiveEvent {
        holdReasons = List.copyOf(holdReasons);
    }
}
