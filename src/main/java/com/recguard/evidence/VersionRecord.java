package com.recguard.evidence;

import java.time.Instant;

/**
 * One object version (or delete marker) as the archive reported it when the pack was built.
 *
 * @param sha256 the checksum the store kept for the version, hex; null when it reports none
 * @param member the pack member holding this version's bytes; null when the pack does not carry them
 */
public record VersionRecord(String key, String versionId, boolean latest, boolean deleteMarker, long size,
                            String lockMode, Instant retainUntil, boolean legalHold, String sha256, String member) {}
