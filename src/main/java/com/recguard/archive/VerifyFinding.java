package com.recguard.archive;

/**
 * One thing {@code recguard verify} found wrong with an archive. Codes: MISSING_OBJECT,
 * HASH_MISMATCH, SIZE_MISMATCH, NOT_COMPLIANCE, RETENTION_TOO_SHORT, LEGAL_HOLD_MISSING,
 * EXTRA_VERSION, DELETE_MARKER, UNLISTED_OBJECT, INCOMPLETE_ARCHIVE, NO_ARCHIVE, UNREADABLE_MANIFEST.
 */
public record VerifyFinding(String conversationId, String key, String code, String detail) {

    @Override
    public String toString() {
        return code + " " + conversationId + (key == null ? "" : " " + key) + ": " + detail;
    }
}
