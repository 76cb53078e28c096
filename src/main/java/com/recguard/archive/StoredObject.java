package com.recguard.archive;

import java.time.Instant;

/**
 * What the store says about one version of an object. {@code lockMode} and {@code retainUntil}
 * are null when the object has no retention; {@code sha256Base64} is the checksum the server
 * kept, when it reports one.
 */
public record StoredObject(
        String key,
        String versionId,
        long size,
        String lockMode,
        Instant retainUntil,
        boolean legalHold,
        String sha256Base64) {}
