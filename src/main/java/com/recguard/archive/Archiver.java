package com.recguard.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/**
 * Carries out ARCHIVE and APPLY_LEGAL_HOLD against a WORM object store.
 *
 * <p>Order and crash safety: preflight the bucket; write every media, IVR and transcript object
 * (each at most once: a key already present is hashed and must match, never overwritten); then
 * the manifest, last, as the commit marker. A run killed anywhere before the manifest leaves
 * objects that the next run finds, verifies and keeps, then writes the manifest: nothing is
 * written twice and nothing is lost. Every write is read back and hashed.
 *
 * <p>The objects of one conversation are written in parallel on a bounded pool of
 * {@code parallelism} threads, because each costs three round trips (HEAD, PUT, read-back GET)
 * and one at a time the archive spends most of its time waiting on the network. It goes in two
 * rounds: first every object is checked (HEAD, and the bytes and lock mode of any already in
 * place), so a conflict stops the archive before it adds a single locked object, as it did when
 * objects were written one by one; then the missing ones are written and read back. The manifest
 * still waits for every object: when any object fails, the others are let finish (or stopped, on
 * interruption), no manifest is written, and the first failure is thrown, an integrity failure
 * before any other, so a retry finds the objects that did get written, verifies and keeps them.
 * Callers that archive several conversations at once share one Archiver: the pool bounds the
 * requests in flight to the store for all of them.
 */
public final class Archiver {

    /** Called after the objects and before the manifest; the crash-safety test pauses here. */
    public interface Checkpoint {
        void objectsWritten(String conversationId);
    }

    /**
     * Objects in flight at once when nothing else is said: enough to hide the round trips of a
     * local or same-region store, well under the S3 client's 32 connections.
     */
    public static final int DEFAULT_PARALLELISM = 8;

    private final ObjectStore store;
    private final ArchiveCodec codec;
    private final Buckets buckets;
    private final Clock clock;
    private final Checkpoint checkpoint;
    private final ObjectPool pool;
    private final Map<Location, Long> preflightedUntil = new ConcurrentHashMap<>();
    private static final long PREFLIGHT_FOR_NANOS = 60_000_000_000L;

    public Archiver(ObjectStore store, ArchiveCodec codec, Buckets buckets, Clock clock, Checkpoint checkpoint,
                    int parallelism) {
        this.store = store;
        this.codec = codec;
        this.buckets = buckets;
        this.clock = clock;
        this.checkpoint = checkpoint;
        this.pool = new ObjectPool(parallelism);
    }

    public Archiver(ObjectStore store, ArchiveCodec codec, Buckets buckets, Clock clock, Checkpoint checkpoint) {
        this(store, codec, buckets, clock, checkpoint, DEFAULT_PARALLELISM);
    }

    public Archiver(ObjectStore store, ArchiveCodec codec, Buckets buckets, Clock clock) {
        this(store, codec, buckets, clock, id -> { });
    }

    /** How many objects this archiver writes at once. */
    public int parallelism() {
        return pool.size();
    }

    public ArchiveReport archive(ArchiveRequest request) {
        ArchivePlan plan = ArchivePlan.of(request, buckets, codec);
        String cid = plan.conversationId();
        List<String> notes = new ArrayList<>();
        if (!plan.archives() && !plan.holds()) {
            return new ArchiveReport(cid, plan.location(), ArchiveReport.Status.NOT_ARCHIVED, List.of(),
                    List.of("the decision has no ARCHIVE or APPLY_LEGAL_HOLD action"));
        }
        if (plan.location() == null) {
            throw new ArchiveException(cid + ": the decision names no archive region");
        }
        Location at = plan.location();
        preflight(at);
        // One listing says which of the conversation's keys are taken, instead of a HEAD per key.
        Set<String> taken = store.versions(at, Keys.prefix(cid)).stream()
                .filter(v -> v.latest() && !v.deleteMarker()).map(ObjectVersion::key).collect(Collectors.toSet());
        if (taken.contains(Keys.manifest(cid))) {
            ArchiveState state = ArchiveState.load(store, codec, at, cid);
            notes.add("already archived (manifest present); nothing rewritten");
            if (plan.holds()) {
                applyHold(at, state, plan.holdReasons(), plan.retainUntil(), notes);
            }
            if (plan.archives()) {
                extendRetention(at, ArchiveState.load(store, codec, at, cid), plan.retainUntil(), notes);
            }
            return new ArchiveReport(cid, at, ArchiveReport.Status.ALREADY_ARCHIVED, List.of(), notes);
        }
        if (!plan.archives()) {
            return new ArchiveReport(cid, at, ArchiveReport.Status.NOT_ARCHIVED, List.of(),
                    List.of("held, but not archived: the decision has no ARCHIVE action and " + at
                            + " has no manifest for it; nothing to hold"));
        }
        Protection protection = plan.protection();
        // Two rounds, each in parallel: every check before any write, so a conflict adds no locked object.
        List<Optional<StoredObject>> inPlace = pool.all(plan.objects().stream()
                .<Callable<Optional<StoredObject>>>map(o -> () -> taken.contains(o.key())
                        ? inspect(at, o.key(), o.content()) : Optional.empty()).toList());
        List<Callable<Boolean>> writes = new ArrayList<>();
        for (int i = 0; i < plan.objects().size(); i++) {
            ArchivePlan.Planned o = plan.objects().get(i);
            Optional<StoredObject> found = inPlace.get(i);
            writes.add(() -> write(at, o.key(), o.content(), protection, found));
        }
        List<Boolean> createdEach = pool.all(writes);
        List<ArchiveReport.Written> written = new ArrayList<>();
        for (int i = 0; i < plan.objects().size(); i++) {
            ArchivePlan.Planned o = plan.objects().get(i);
            written.add(new ArchiveReport.Written(o.kind(), o.key(), createdEach.get(i), o.content().size(),
                    o.content().sha256Hex()));
        }
        checkpoint.objectsWritten(cid);
        Content manifest = Content.ofBytes(codec.manifest(plan.manifest()), "application/json");
        // HEAD again just before: another run may have finished this conversation since the listing.
        boolean created = writeOnce(at, Keys.manifest(cid), manifest, protection);
        written.add(new ArchiveReport.Written("manifest", Keys.manifest(cid), created, manifest.size(),
                manifest.sha256Hex()));
        return new ArchiveReport(cid, at, ArchiveReport.Status.ARCHIVED, written, notes);
    }

    /**
     * The bucket's Object Lock configuration, checked once a minute at most per bucket: every
     * object written is read back and its own lock checked, so the bucket-level check guards the
     * first write, not each one.
     */
    private void preflight(Location at) {
        Long until = preflightedUntil.get(at);
        if (until != null && System.nanoTime() - until < 0) {
            return;
        }
        Preflight.check(at, store.bucketLock(at));
        preflightedUntil.put(at, System.nanoTime() + PREFLIGHT_FOR_NANOS);
    }

    /**
     * Releases the legal hold of an archived conversation: first records the release (reason,
     * who, when, which reasons) as a locked object of its own, then turns the legal hold off on
     * every version. Run again after a crash, it completes the release without a second record.
     */
    public List<String> releaseHold(String region, String conversationId, String reason, String by) {
        if (reason == null || reason.isBlank()) {
            throw new ArchiveException("a hold is released only with a reason (--reason TEXT)");
        }
        Location at = buckets.of(region);
        if (!store.bucketLock(at).exists()) {
            throw new ArchiveException("bucket " + at.bucket() + " does not exist (region " + region + ")");
        }
        if (store.head(at, Keys.manifest(conversationId), null).isEmpty()) {
            throw new ArchiveException(conversationId + ": no archive in " + at + " (no " + Keys.manifest(conversationId) + ")");
        }
        ArchiveState state = ArchiveState.load(store, codec, at, conversationId);
        List<String> notes = new ArrayList<>();
        if (!state.held()) {
            if (state.releasedReasons().isEmpty()) {
                throw new ArchiveException(conversationId + ": not under legal hold; nothing to release");
            }
            notes.add("the hold was already released (" + String.join(", ", state.releasedReasons()) + ")");
        } else {
            ArchiveEvent e = new ArchiveEvent(ArchiveEvent.HOLD_RELEASED, conversationId, clock.instant(), by,
                    state.activeReasons(), reason.strip(), null, null);
            String key = writeEvent(at, state, e, false);
            notes.add("recorded " + key);
        }
        int n = 0;
        for (ObjectVersion v : objectVersions(at, conversationId)) {
            store.setLegalHold(at, v.key(), v.versionId(), false);
            n++;
        }
        notes.add("legal hold off on " + n + " object version(s)");
        return notes;
    }

    private void applyHold(Location at, ArchiveState state, List<String> wanted, LocalDate until, List<String> notes) {
        List<String> fresh = state.newReasons(wanted);
        if (fresh.isEmpty()) {
            if (!state.releasedReasons().isEmpty() && !state.held()) {
                notes.add("hold reasons " + wanted + " were released before; not re-applied");
            }
            return;
        }
        int n = 0;
        for (ObjectVersion v : objectVersions(at, state.manifest().conversationId())) {
            store.setLegalHold(at, v.key(), v.versionId(), true);
            n++;
        }
        TreeSet<String> all = new TreeSet<>(state.activeReasons());
        all.addAll(fresh);
        ArchiveEvent e = new ArchiveEvent(ArchiveEvent.HOLD_APPLIED, state.manifest().conversationId(),
                clock.instant(), "recguard", List.copyOf(all), null, null, state.manifest().rulePack());
        String key = writeEvent(at, state, e, true);
        notes.add("legal hold on " + n + " object version(s) for " + fresh + "; recorded " + key);
    }

    private void extendRetention(Location at, ArchiveState state, LocalDate wanted, List<String> notes) {
        if (!wanted.isAfter(state.retainUntil())) {
            if (wanted.isBefore(state.retainUntil())) {
                notes.add("retention stays until " + state.retainUntil() + " (the decision says " + wanted
                        + "; retention is never shortened)");
            }
            return;
        }
        Instant lock = Protection.lockInstant(wanted);
        int n = 0;
        for (ObjectVersion v : objectVersions(at, state.manifest().conversationId())) {
            if (store.extendRetention(at, v.key(), v.versionId(), lock)) {
                n++;
            }
        }
        ArchiveEvent e = new ArchiveEvent(ArchiveEvent.RETENTION_EXTENDED, state.manifest().conversationId(),
                clock.instant(), "recguard", List.of(), null, wanted, null);
        String key = writeEvent(at, state, e, state.held(), wanted);
        notes.add("retention extended from " + state.retainUntil() + " to " + wanted + " on " + n
                + " object version(s); recorded " + key);
    }

    private String writeEvent(Location at, ArchiveState state, ArchiveEvent e, boolean hold) {
        return writeEvent(at, state, e, hold, state.retainUntil());
    }

    private String writeEvent(Location at, ArchiveState state, ArchiveEvent e, boolean hold, LocalDate until) {
        String key = Keys.event(e.conversationId(), state.nextSequence(), e.type());
        Content c = Content.ofBytes(codec.event(e), "application/json");
        PutResult r = store.putIfAbsent(at, key, c, new Protection(Protection.lockInstant(until), hold));
        if (!r.created()) {
            throw new ArchiveException(key + " was written by another run at the same time; run again to"
                    + " bring the archive up to date");
        }
        readBack(at, key, r.versionId(), c, new Protection(Protection.lockInstant(until), hold));
        return key;
    }

    /** Versions of every object of the conversation (not delete markers). */
    private List<ObjectVersion> objectVersions(Location at, String conversationId) {
        return store.versions(at, Keys.prefix(conversationId)).stream().filter(v -> !v.deleteMarker()).toList();
    }

    /**
     * Writes {@code content} under {@code key} unless the key is taken; then the object in place
     * must have the same SHA-256 and at least the protection asked for. Returns true when this
     * call wrote it. The HEAD first matters on servers where {@code If-None-Match: *} on a
     * versioned bucket makes a new version instead of failing (Ceph 16).
     */
    boolean writeOnce(Location at, String key, Content content, Protection protection) {
        return write(at, key, content, protection, inspect(at, key, content));
    }

    /**
     * The checks of {@link #writeOnce} that write nothing: the object in place, if any, with its
     * bytes and lock mode checked. The archive runs them for every object before writing any, so
     * a conflict stops it before a single locked object is added.
     */
    private Optional<StoredObject> inspect(Location at, String key, Content content) {
        Optional<StoredObject> existing = store.head(at, key, null);
        existing.ifPresent(o -> sameBytes(at, o, content));
        return existing;
    }

    private boolean write(Location at, String key, Content content, Protection protection, Optional<StoredObject> existing) {
        if (existing.isEmpty()) {
            PutResult r = store.putIfAbsent(at, key, content, protection);
            if (r.created()) {
                readBack(at, key, r.versionId(), content, protection);
                return true;
            }
            existing = store.head(at, key, null);
            if (existing.isEmpty()) {
                throw new ArchiveException(key + ": the server refused the write as existing (412) but has no such"
                        + " object; nothing was overwritten");
            }
            sameBytes(at, existing.get(), content);
        }
        bringUp(at, existing.get(), protection);
        return false;
    }

    /** The object in place must hold exactly {@code content}, under the COMPLIANCE lock mode. */
    private void sameBytes(Location at, StoredObject o, Content content) {
        Digests.Hashed h = hash(at, o.key(), o.versionId());
        if (!h.sha256Hex().equals(content.sha256Hex()) || h.size() != content.size()) {
            throw new IntegrityException(at + " " + o.key() + " already holds different bytes (sha256 " + h.sha256Hex()
                    + ", " + h.size() + " bytes) than the content to archive (sha256 " + content.sha256Hex() + ", "
                    + content.size() + " bytes). Nothing was overwritten; investigate before archiving this conversation.");
        }
        if (!Protection.MODE.equals(o.lockMode())) {
            throw new IntegrityException(at + " " + o.key() + " is in place with lock mode " + o.lockMode()
                    + ", not " + Protection.MODE + "; it cannot be part of a compliant archive. Nothing was overwritten.");
        }
    }

    /** An object found in place keeps its bytes; its lock may only be raised to what is asked. */
    private void bringUp(Location at, StoredObject o, Protection protection) {
        if (o.retainUntil() == null || o.retainUntil().isBefore(protection.retainUntil())) {
            store.extendRetention(at, o.key(), o.versionId(), protection.retainUntil());
        }
        if (protection.legalHold() && !o.legalHold()) {
            store.setLegalHold(at, o.key(), o.versionId(), true);
        }
    }

    /**
     * The seed's "Verify Integrity": what the server stored hashes as sent, and is locked as
     * asked. One GET gives both the bytes and the lock headers.
     */
    private void readBack(Location at, String key, String versionId, Content content, Protection protection) {
        StoredObject o;
        Digests.Hashed h;
        try (ObjectStore.Opened opened = store.open(at, key, versionId)) {
            o = opened.object();
            h = Digests.hash(opened.body());
        } catch (IOException e) {
            throw new UncheckedIOException(at + " " + key + ": " + e.getMessage(), e);
        }
        if (!h.sha256Hex().equals(content.sha256Hex()) || h.size() != content.size()) {
            throw new IntegrityException(at + " " + key + " read back as sha256 " + h.sha256Hex() + ", " + h.size()
                    + " bytes; sent sha256 " + content.sha256Hex() + ", " + content.size() + " bytes");
        }
        if (!Protection.MODE.equals(o.lockMode()) || o.retainUntil() == null
                || o.retainUntil().isBefore(protection.retainUntil())) {
            throw new IntegrityException(at + " " + key + " was stored with lock " + o.lockMode() + " until "
                    + o.retainUntil() + " instead of " + Protection.MODE + " until " + protection.retainUntil()
                    + ": this server does not apply Object Lock as asked. Do not archive to it.");
        }
        if (protection.legalHold() && !o.legalHold()) {
            throw new IntegrityException(at + " " + key + " was stored without the legal hold asked for");
        }
    }

    private Digests.Hashed hash(Location at, String key, String versionId) {
        try (InputStream in = store.get(at, key, versionId)) {
            return Digests.hash(in);
        } catch (IOException e) {
            throw new UncheckedIOException(at + " " + key + ": " + e.getMessage(), e);
        }
    }
}
