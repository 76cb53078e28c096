package com.recguard.archive;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The port to a WORM object store (S3 with Object Lock, or Azure Blob Storage with version-level
 * immutability). Implementations never write without the lock: {@link #putIfAbsent} always sends
 * the COMPLIANCE mode (Azure: a locked immutability policy), the retain-until date and the
 * checksums, and never overwrites. Closing releases the adapter's clients.
 */
public interface ObjectStore extends AutoCloseable {

    @Override
    default void close() {}

    /** The bucket's Object Lock configuration (preflight reads it before any write). */
    BucketLock bucketLock(Location at);

    /**
     * Writes {@code content} under {@code key} with {@code If-None-Match: *}, Object Lock mode
     * COMPLIANCE until {@code protection.retainUntil()}, the legal hold when asked, and its
     * SHA-256 and MD5 for the server to check. Returns {@link PutResult#exists()} when the key is
     * taken.
     */
    PutResult putIfAbsent(Location at, String key, Content content, Protection protection);

    /**
     * One version of {@code key} ({@code versionId} null for the latest), or empty when there is
     * none (or a delete marker hides it).
     */
    Optional<StoredObject> head(Location at, String key, String versionId);

    /** The bytes of a version ({@code versionId} null for the latest); the caller closes the stream. */
    InputStream get(Location at, String key, String versionId);

    /**
     * A version's bytes together with what the server says about it (size, lock, legal hold), in
     * one request; the caller closes it.
     */
    Opened open(Location at, String key, String versionId);

    /** An object being read, and its metadata from the same response. */
    record Opened(StoredObject object, InputStream body) implements AutoCloseable {
        @Override
        public void close() throws java.io.IOException {
            body.close();
        }
    }

    /** Every version and delete marker whose key starts with {@code prefix}, in key order. */
    List<ObjectVersion> versions(Location at, String prefix);

    /** Legal hold ON or OFF for one version. */
    void setLegalHold(Location at, String key, String versionId, boolean on);

    /**
     * Sets the COMPLIANCE retain-until date of a version to {@code until} when that is later
     * than its present one; refuses (with {@link StoreException}, before sending anything) a
     * date that would shorten it. Returns true when the date changed.
     */
    boolean extendRetention(Location at, String key, String versionId, Instant until);
}
