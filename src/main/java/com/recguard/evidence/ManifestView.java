package com.recguard.evidence;

import java.time.Instant;
import java.util.List;

/**
 * The parts of an archived {@code manifest.json} the pack verifier checks against: the objects it
 * lists with their hashes, and the lock date it promised. Read leniently on purpose (only these
 * fields), exactly as {@code verify.py} reads them, so both verifiers reach the same findings.
 */
public record ManifestView(List<Entry> objects, Instant lockedUntil) {

    public ManifestView {
        objects = List.copyOf(objects);
    }

    public record Entry(String kind, String key, long size, String sha256) {}
}
