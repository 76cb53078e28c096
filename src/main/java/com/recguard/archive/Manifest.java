package com.recguard.archive;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The JSON manifest stored beside an archived conversation's media (seed section 2, "Ignoring
 * Metadata Archival"): who called whom, when, for how long, which transactions, what recguard
 * decided and under which rule pack, and the SHA-256 and size of every object it lists. It is
 * written last; its presence means the conversation is archived.
 */
public record Manifest(
        int format,
        String conversationId,
        Instant startTime,
        Instant endTime,
        Duration duration,
        String originatingDirection,
        List<Party> participants,
        List<String> labels,
        List<String> transactionIds,
        List<RecordingInfo> recordings,
        String recording,
        String consent,
        String residencyZone,
        String archiveRegion,
        boolean legalHold,
        List<String> holdReasons,
        LocalDate retainUntil,
        String lockMode,
        Instant lockedUntil,
        String rulePack,
        List<String> firedRules,
        List<String> violations,
        Instant evaluatedAt,
        List<Entry> objects) {

    public static final int FORMAT = 1;

    public Manifest {
        participants = List.copyOf(participants);
        labels = List.copyOf(labels);
        transactionIds = List.copyOf(transactionIds);
        recordings = List.copyOf(recordings);
        holdReasons = List.copyOf(holdReasons);
        firedRules = List.copyOf(firedRules);
        violations = List.copyOf(violations);
        objects = List.copyOf(objects);
    }

    /** A participant: ids, purpose, and its attributes (sorted by name). */
    public record Party(String participantId, String purpose, String userId, Map<String, String> attributes) {
        public Party {
            attributes = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(attributes));
        }
    }

    /** A recording's metadata as Genesys gave it. */
    public record RecordingInfo(String id, String media, String fileState, Instant startTime, Instant endTime,
                                String region) {}

    /** One archived object: its kind (media, ivr, transcript), key, and what its bytes must hash to. */
    public record Entry(String kind, String key, String recordingId, String contentType, long size, String sha256) {}
}
