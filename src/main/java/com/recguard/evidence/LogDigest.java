package com.recguard.evidence;

/**
 * A decision-log digest as the service writes it under Object Lock
 * ({@code recguard/v1/decision-log/digests/<seq>.json}): the hash of entry {@code seq}.
 */
public record LogDigest(long seq, String hash) {

    /** Where the service writes digests (the same as {@code service.LogDigests.PREFIX}; a test holds them equal). */
    public static final String PREFIX = "recguard/v1/decision-log/digests/";
}
