package com.recguard.model;

import java.time.Instant;

/**
 * A recording's metadata. {@code fileState} is AVAILABLE when the bundle does not say;
 * {@code startTime}/{@code endTime} may be absent, and then the recording is taken to cover
 * the whole conversation (no evidence of a gap).
 */
public record Recording(
        String id,
        String media,
        String fileState,
        Instant startTime,
        Instant endTime,
        String region) {

    /** States in which the audio exists and can be archived (POLICY.md 3, MISSING_RECORDING). */
    public boolean usable() {
        return "AVAILABLE".equals(fileState) || "ARCHIVED".equals(fileState);
    }
}
