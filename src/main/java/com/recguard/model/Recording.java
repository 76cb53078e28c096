package com.recguard.model;

import java.time.Instant;

/**
 * A recording's metadata (Genesys RecordingMetadata: id, sessionId, media, fileState; the
 * region is ours). {@code fileState} is AVAILABLE when the bundle does not say. Genesys gives
 * {@code startTime}/{@code endTime} for screen recordings only; which span a recording covers
 * otherwise is decided from its {@code sessionId} (POLICY.md 1).
 */
public record Recording(
        String id,
        String sessionId,
        String media,
        String fileState,
        Instant startTime,
        Instant endTime,
        String region) {

    /** The media file exists and can be downloaded and archived (AVAILABLE or ARCHIVED). */
    public boolean fileExists() {
        return "AVAILABLE".equals(fileState) || "ARCHIVED".equals(fileState);
    }

    /** Still on its way from the Edge (POLICY.md 3, Settling). */
    public boolean pending() {
        return "UPLOADING".equals(fileState) || "PENDING".equals(fileState);
    }
}
