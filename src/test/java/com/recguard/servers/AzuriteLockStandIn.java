package com.recguard.servers;

import com.recguard.archive.BucketLock;
import com.recguard.archive.Content;
import com.recguard.archive.Location;
import com.recguard.archive.ObjectStore;
import com.recguard.archive.ObjectVersion;
import com.recguard.archive.Protection;
import com.recguard.archive.PutResult;
import com.recguard.archive.StoreException;
import com.recguard.archive.StoredObject;
import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Azure adapter on Azurite, with what Azurite cannot keep kept here instead, so that the
 * archive contract can run everything Azurite does implement (upload, metadata, conditional
 * create, read-back of the bytes, verify, a crash between media and manifest):
 * <ul>
 *   <li>a container a test made "locked" reports version-level immutability (Azurite's never does);</li>
 *   <li>the immutability policy and legal hold the adapter sent with a create, and the policy
 *       extensions and holds it asked for (Azurite answers those with 501), are remembered and
 *       reported by head/open.</li>
 * </ul>
 * Every other call goes to the adapter and Azurite unchanged. Nothing that passes through this
 * class proves a lock: the contract skips its lock and hold assertions on Azurite and says so.
 */
final class AzuriteLockStandIn implements ObjectStore {

    /** Shared by the stores of one Azurite: locked containers, and each blob's protection. */
    static final class Locks {
        private final Set<String> lockedContainers = ConcurrentHashMap.newKeySet();
        private final Map<String, Protection> byBlob = new ConcurrentHashMap<>();

        void markLocked(String container) {
            lockedContainers.add(container);
        }

        void forget(String container, String key) {
            byBlob.remove(container + "/" + key);
        }
    }

    private final ObjectStore adapter;
    private final Locks locks;

    AzuriteLockStandIn(ObjectStore adapter, Locks locks) {
        this.adapter = adapter;
        this.locks = locks;
    }

    private static String id(Location at, String key) {
        return at.bucket() + "/" + key;
    }

    @Override
    public BucketLock bucketLock(Location at) {
        BucketLock real = adapter.bucketLock(at);
        return real.exists() && locks.lockedContainers.contains(at.bucket()) ? BucketLock.azureContainer(true, true) : real;
    }

    @Override
    public PutResult putIfAbsent(Location at, String key, Content content, Protection protection) {
        PutResult r = adapter.putIfAbsent(at, key, content, protection);
        if (r.created()) {
            locks.byBlob.put(id(at, key), protection);
        }
        return r;
    }

    @Override
    public Optional<StoredObject> head(Location at, String key, String versionId) {
        return adapter.head(at, key, versionId).map(o -> withLock(at, o));
    }

    @Override
    public InputStream get(Location at, String key, String versionId) {
        return adapter.get(at, key, versionId);
    }

    @Override
    public Opened open(Location at, String key, String versionId) {
        Opened o = adapter.open(at, key, versionId);
        return new Opened(withLock(at, o.object()), o.body());
    }

    @Override
    public List<ObjectVersion> versions(Location at, String prefix) {
        return adapter.versions(at, prefix);
    }

    @Override
    public void setLegalHold(Location at, String key, String versionId, boolean on) {
        expectNotImplemented(() -> adapter.setLegalHold(at, key, versionId, on));
        locks.byBlob.computeIfPresent(id(at, key), (k, p) -> new Protection(p.retainUntil(), on));
    }

    @Override
    public boolean extendRetention(Location at, String key, String versionId, Instant until) {
        Protection p = locks.byBlob.get(id(at, key));
        if (p != null && until.isBefore(p.retainUntil())) {
            throw new StoreException("refused to shorten the retention of " + key + ": retention can only be extended");
        }
        if (p != null && until.equals(p.retainUntil())) {
            return false;
        }
        expectNotImplemented(() -> adapter.extendRetention(at, key, versionId, until));
        locks.byBlob.put(id(at, key), new Protection(until, p != null && p.legalHold()));
        return true;
    }

    /** The adapter sends the request; Azurite's stub answers 501, which is the expected outcome here. */
    private static void expectNotImplemented(Runnable r) {
        try {
            r.run();
        } catch (StoreException e) {
            if (e.status() != 501) {
                throw e;
            }
        }
    }

    private StoredObject withLock(Location at, StoredObject o) {
        Protection p = locks.byBlob.get(id(at, o.key()));
        if (p == null || o.lockMode() != null) {
            return o;
        }
        return new StoredObject(o.key(), o.versionId(), o.size(), Protection.MODE, p.retainUntil(), p.legalHold(), o.sha256Base64());
    }

    @Override
    public void close() {
        adapter.close();
    }
}
