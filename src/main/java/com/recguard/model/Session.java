package com.recguard.model;

import java.util.List;

/**
 * An analytics session. {@code sessionId} is the id a recording names (its communication id);
 * {@code recording} is Genesys' flag "an audio recording was started" (AnalyticsSession.recording).
 */
public record Session(
        String sessionId,
        String mediaType,
        String direction,
        String ani,
        String dnis,
        Boolean recording,
        List<Segment> segments) {

    public Session {
        segments = List.copyOf(segments);
    }
}
