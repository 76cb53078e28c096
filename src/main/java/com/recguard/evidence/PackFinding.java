package com.recguard.evidence;

/**
 * One thing the pack verifier found, naming the pack member it is about. Codes (the same in
 * {@code verify.py}): PACK_HASH_MISMATCH, MISSING_MEMBER, UNLISTED_MEMBER, DUPLICATE_MEMBER,
 * CORRUPT_MEMBER, UNREADABLE_MEMBER, MANIFEST_CORRUPT, ARCHIVE_HASH_MISMATCH, VERSION_CHECKSUM_MISMATCH,
 * NOT_COMPLIANCE, RETENTION_TOO_SHORT, LEGAL_HOLD_MISSING, EXTRA_VERSION, DELETE_MARKER, CHAIN_BROKEN,
 * ENTRY_EDITED, INPUT_EDITED, CHAIN_NOT_ANCHORED, DECISION_INPUT_MISMATCH, DECISION_MISMATCH.
 */
public record PackFinding(String code, String member, String detail) {

    @Override
    public String toString() {
        return code + " " + member + ": " + detail;
    }
}
