package com.recguard.service;

import com.recguard.archive.Content;
import com.recguard.archive.Location;
import com.recguard.archive.ObjectStore;
import com.recguard.archive.Preflight;
import com.recguard.archive.Protection;
import com.recguard.audit.LogEntry;
import com.recguard.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Anchors the decision log in the Object Lock archive: the hash of its last entry is written as a
 * locked object, {@code recguard/v1/decision-log/digests/<seq>.json}. Anyone who rewrites the log
 * afterwards would have to rewrite a chain whose head is already locked away, which verify-log and
 * the digests expose.
 */
public final class LogDigests {

    public static final String PREFIX = "recguard/v1/decision-log/digests/";

    private final DecisionLog log;
    private final ObjectStore store;
    private final Location at;
    private final Duration keepFor;
    private final Clock clock;
    private long lastSeq;

    public LogDigests(DecisionLog log, ObjectStore store, Location at, Duration keepFor, Clock clock) {
        this.log = log;
        this.store = store;
        this.at = at;
        this.keepFor = keepFor;
        this.clock = clock;
    }

    /** Writes a digest when the log grew since the last one; returns the key written, or null. */
    public synchronized String run() {
        LogEntry head = log.last();
        if (head == null || head.seq() == lastSeq) {
            return null;
        }
        Preflight.check(at, store.bucketLock(at));
        String key = PREFIX + String.format("%012d", head.seq()) + ".json";
        Map<String, Object> digest = new LinkedHashMap<>();
        digest.put("seq", head.seq());
        digest.put("hash", head.hash());
        digest.put("writtenAt", clock.instant().toString());
        String body = Json.write(digest);
        store.putIfAbsent(at, key, Content.ofBytes(body.getBytes(StandardCharsets.UTF_8), "application/json"),
                new Protection(clock.instant().plus(keepFor), false));
        lastSeq = head.seq();
        return key;
    }
}
