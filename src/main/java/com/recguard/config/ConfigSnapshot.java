package com.recguard.config;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the configuration was at {@code takenAt}.
 *
 * @param genesys each Genesys API path (with its query) and the JSON text it returned; a failed
 *                call is {@code {"error":{"status":403,"message":"…"}}}
 * @param buckets each archive bucket by name
 * @param recguard recguard's own settings that the guide constrains ({@link #RISK_LEXICON_PHRASES},
 *                 {@link #QA_SAMPLE_RATE}); a key left out is taken from the rule pack at evaluation
 */
public record ConfigSnapshot(Instant takenAt, Map<String, String> genesys, Map<String, BucketState> buckets,
        Map<String, String> recguard) {

    public static final String RISK_LEXICON_PHRASES = "riskLexiconPhrases";
    public static final String QA_SAMPLE_RATE = "qaSampleRate";

    public ConfigSnapshot {
        recguard = java.util.Collections.unmodifiableMap(new TreeMap<>(recguard));
        genesys = java.util.Collections.unmodifiableMap(new TreeMap<>(genesys));
        buckets = java.util.Collections.unmodifiableMap(new TreeMap<>(buckets));
    }

    /** The JSON body of a failed call, as stored in a snapshot. */
    public static String errorJson(int status, String message) {
        String m = message == null ? "" : message.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
        return "{\"error\":{\"status\":" + status + ",\"message\":\"" + m + "\"}}";
    }

    /** This snapshot with {@code defaults} for the recguard settings it does not record. */
    public ConfigSnapshot withDefaults(Map<String, String> defaults) {
        Map<String, String> r = new TreeMap<>(defaults);
        r.putAll(recguard);
        return new ConfigSnapshot(takenAt, genesys, buckets, r);
    }
}
