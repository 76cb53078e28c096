package com.recguard.adapter.genesys;

import com.recguard.model.Utterance;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Speech and Text Analytics transcript document (the JSON behind the pre-signed transcript URL)
 * as utterances. The shape read, {@code transcripts[].phrases[]{text, startTimeMs,
 * participantPurpose}}, is the reference's and unverified against a live org, so the reader is
 * lenient: a phrase without its own purpose takes its transcript's; a missing field is skipped,
 * not an error.
 */
final class TranscriptReader {

    /** Epoch milliseconds after 1973: a start time this large is absolute, not an offset. */
    private static final long ABSOLUTE_THRESHOLD_MS = 100_000_000_000L;

    private TranscriptReader() {}

    /**
     * @param document          the parsed JSON (maps and lists)
     * @param conversationStart to turn absolute phrase times into offsets from the conversation's start
     */
    static List<Utterance> utterances(Map<?, ?> document, Instant conversationStart) {
        List<Utterance> out = new ArrayList<>();
        for (Object t : list(document.get("transcripts"))) {
            if (!(t instanceof Map<?, ?> transcript)) {
                continue;
            }
            String transcriptPurpose = string(transcript.get("participantPurpose"));
            for (Object p : list(transcript.get("phrases"))) {
                if (!(p instanceof Map<?, ?> phrase)) {
                    continue;
                }
                String text = string(phrase.get("text"));
                if (text == null || text.isBlank()) {
                    continue;
                }
                String purpose = string(phrase.get("participantPurpose"));
                out.add(new Utterance(purpose(purpose != null ? purpose : transcriptPurpose),
                        offset(phrase.get("startTimeMs"), conversationStart), text));
            }
        }
        return out;
    }

    /** STA says internal (staff) or external (the client); the bundle speaks of agent and customer. */
    static String purpose(String p) {
        if (p == null) {
            return null;
        }
        return switch (p.toLowerCase(java.util.Locale.ROOT)) {
            case "internal" -> "agent";
            case "external" -> "customer";
            default -> p;
        };
    }

    private static long offset(Object startTimeMs, Instant conversationStart) {
        if (!(startTimeMs instanceof Number n)) {
            return 0;
        }
        long v = n.longValue();
        if (v > ABSOLUTE_THRESHOLD_MS && conversationStart != null) {
            return Math.max(0, v - conversationStart.toEpochMilli());
        }
        return Math.max(0, v);
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static String string(Object o) {
        return o == null ? null : o.toString();
    }
}
