package com.recguard.model;

import java.time.Instant;
import java.util.List;

/**
 * One conversation and everything gathered about it; missing sections are empty lists, never null.
 * {@code settled} is the gatherer's statement that it has stopped waiting for Genesys (POLICY.md 1).
 */
public record Bundle(
        Conversation conversation,
        List<Recording> recordings,
        List<RecordingStop> recordingStops,
        Ivr ivr,
        List<Utterance> transcript,
        List<LegalHold> legalHolds,
        Instant evaluatedAt,
        boolean settled) {

    public Bundle {
        recordings = List.copyOf(recordings);
        recordingStops = List.copyOf(recordingStops);
        ivr = ivr == null ? Ivr.NONE : ivr;
        transcript = List.copyOf(transcript);
        legalHolds = List.copyOf(legalHolds);
    }
}
