package com.recguard.servers;

import com.recguard.archive.ObjectStore;
import java.util.Optional;

/**
 * A real object store server the archive contract runs against (moto, Ceph, Azurite), and what a
 * test does to it besides archiving: make buckets (containers) the way an operator would, and act
 * as someone other than recguard.
 */
public interface ArchiveTarget {

    String name();

    /** The store recguard would use against this server; closed by the test. */
    ObjectStore store();

    /** A handle for doing what recguard never does; closed by the test. */
    Raw raw();

    /** Empty when the server itself enforces retention locks and legal holds; else why it does not. */
    Optional<String> locksNotEnforced();

    /** Whether the server keeps versions (overwrites and deletes leave the old version listed). */
    boolean versioned();

    /** The words preflight uses when the bucket or container cannot lock, and the create option it names. */
    String noLockRefusal();

    String createHint();

    interface Raw extends AutoCloseable {
        /** A bucket or container that preflight accepts: locks on, as docs/archive.md sets it up. */
        void locked(String bucket);

        /** One without any lock support. */
        void plain(String bucket);

        /** A plain write, no condition, no lock: what anyone with write access could do. */
        void put(String bucket, String key, byte[] bytes);

        /** Deletes the latest (current) version, without naming a version. */
        void deleteLatest(String bucket, String key);

        /** Tries to delete one version; the HTTP status of the answer (2xx: it was deleted). */
        int deleteVersion(String bucket, String key, String versionId);

        /** Takes the legal hold off the latest version, as an administrator could. */
        void legalHoldOff(String bucket, String key);

        @Override
        void close();
    }
}
