package com.recguard.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recguard.json.ArchiveJson;
import com.recguard.servers.ArchiveTarget;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.TestInfo;

/**
 * The archive's behaviour against a real object store server (moto, Ceph, Azurite); each
 * server's test class runs all of it. Every test uses buckets of its own. Where a server does not
 * enforce locks and holds (Azurite), the tests and assertions about them are skipped with the
 * reason printed, never silently.
 */
abstract class ArchiveContract {

    private static final AtomicInteger SEQ = new AtomicInteger();
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-03T08:00:00Z"), ZoneOffset.UTC);
    static final String REGION = "eu-west-1";

    @TempDir
    Path tmp;

    ObjectStore store;
    ArchiveTarget.Raw admin;
    ArchiveJson codec = new ArchiveJson();
    Buckets buckets;
    Location at;
    String testName;

    abstract ArchiveTarget target();

    @BeforeEach
    void connect(TestInfo info) {
        ArchiveTarget target = target();
        testName = info.getDisplayName();
        store = target.store();
        admin = target.raw();
        String bucket = "t" + ProcessHandle.current().pid() + "-" + SEQ.incrementAndGet() + "-" + target.name();
        buckets = new Buckets(null, Map.of(REGION, bucket));
        at = buckets.of(REGION);
    }

    @AfterEach
    void disconnect() throws Exception {
        if (store != null) {
            store.close();
        }
        if (admin != null) {
            admin.close();
        }
    }

    /** Skips a test that is about locks or holds on a server that does not enforce them, printing why. */
    void assumeLocks() {
        String why = target().locksNotEnforced().orElse(null);
        if (why != null) {
            System.out.println("SKIPPED on " + target().name() + ": " + testName + ": " + why);
        }
        Assumptions.assumeTrue(why == null, () -> target().name() + ": " + why);
    }

    /** True when lock and hold assertions can be made here; else prints that they are skipped and why. */
    boolean locksEnforced() {
        String why = target().locksNotEnforced().orElse(null);
        if (why != null) {
            System.out.println("LOCK ASSERTIONS SKIPPED on " + target().name() + " in " + testName + ": " + why);
        }
        return why == null;
    }

    Archiver archiver() {
        return new Archiver(store, codec, buckets, CLOCK);
    }

    ArchiveReport archive(String id, boolean held) {
        return archiver().archive(Conversations.request(id, held, tmp, 4096));
    }

    List<ObjectVersion> versions(String id) {
        return store.versions(at, Keys.prefix(id));
    }

    StoredObject head(String key) {
        return store.head(at, key, null).orElseThrow();
    }

    /** A plain write, as anyone with write access could make. */
    void rawPut(String key, String text) {
        admin.put(at.bucket(), key, text.getBytes(StandardCharsets.UTF_8));
    }

    byte[] read(String key) throws Exception {
        try (InputStream in = store.get(at, key, null)) {
            return in.readAllBytes();
        }
    }

    @Test
    void archives_media_ivr_transcript_and_manifest_under_compliance_lock() throws Exception {
        admin.locked(at.bucket());
        ArchiveRequest req = Conversations.request("c-arch", false, tmp, 4096);
        ArchiveReport r = archiver().archive(req);

        assertThat(r.status()).isEqualTo(ArchiveReport.Status.ARCHIVED);
        assertThat(r.objects()).extracting(ArchiveReport.Written::key).containsExactly(
                Keys.media("c-arch", "r-1"), Keys.media("c-arch", "r-2"), Keys.ivr("c-arch"),
                Keys.transcript("c-arch"), Keys.bundle("c-arch"), Keys.manifest("c-arch"));
        assertThat(r.objects()).as("the bundle decided on is archived with the media").isNotEmpty();
        assertThat(r.createdCount()).isEqualTo(6);
        Instant lock = Instant.parse("2033-03-03T00:00:00Z");
        boolean locks = locksEnforced();
        for (ArchiveReport.Written w : r.objects()) {
            StoredObject o = head(w.key());
            if (locks) {
                assertThat(o.lockMode()).as(w.key()).isEqualTo("COMPLIANCE");
                assertThat(o.retainUntil()).as(w.key()).isEqualTo(lock);
                assertThat(o.legalHold()).as(w.key()).isFalse();
            }
            assertThat(o.sha256Base64()).as(w.key() + ": the SHA-256 kept with the object")
                    .isIn(null, java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(w.sha256())));
            assertThat(Digests.sha256Hex(read(w.key()))).as(w.key()).isEqualTo(w.sha256());
        }
        Manifest m = codec.readManifest(read(Keys.manifest("c-arch")));
        assertThat(m.conversationId()).isEqualTo("c-arch");
        assertThat(m.participants()).extracting(Manifest.Party::participantId, Manifest.Party::purpose, Manifest.Party::userId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("p1", "customer", null),
                        org.assertj.core.groups.Tuple.tuple("p2", "agent", "u-advisor-7"));
        assertThat(m.participants().get(0).attributes()).containsEntry("transactionId", "T-88812");
        assertThat(m.startTime()).isEqualTo(Instant.parse("2026-03-02T09:15:00Z"));
        assertThat(m.endTime()).isEqualTo(Instant.parse("2026-03-02T09:27:41Z"));
        assertThat(m.duration()).hasSeconds(761);
        assertThat(m.labels()).containsExactly("desk-fx", "mifid");
        assertThat(m.transactionIds()).containsExactly("T-88812");
        assertThat(m.consent()).isEqualTo(req.decision().consent());
        assertThat(m.residencyZone()).isEqualTo("UK");
        assertThat(m.archiveRegion()).isEqualTo(REGION);
        assertThat(m.legalHold()).isFalse();
        assertThat(m.retainUntil()).isEqualTo(LocalDate.parse("2033-03-02"));
        assertThat(m.rulePack()).startsWith("sha256:").isEqualTo(req.decision().rulePack());
        assertThat(m.firedRules()).isEqualTo(req.decision().firedRules()).contains("RET-003");
        assertThat(m.objects()).as("media, ivr, transcript and the bundle").hasSize(5);
        assertThat(m.objects().get(0).size()).isEqualTo(4096);
        assertThat(m.objects().get(0).sha256()).isEqualTo(Content.ofFile(req.media().get("r-1"), "audio/wav").sha256Hex());
        assertThat(new String(read(Keys.ivr("c-arch")), StandardCharsets.UTF_8)).contains("\"trading\"", "\"desk\"");
        assertThat(new Verifier(store, codec).verify(at, List.of()).findings()).isEmpty();
    }

    @Test
    void a_retried_archive_writes_nothing_new() {
        admin.locked(at.bucket());
        archive("c-retry", false);
        List<ObjectVersion> before = versions("c-retry");

        ArchiveReport again = archive("c-retry", false);

        assertThat(again.status()).isEqualTo(ArchiveReport.Status.ALREADY_ARCHIVED);
        assertThat(again.createdCount()).isZero();
        assertThat(versions("c-retry")).isEqualTo(before).as("media, ivr, transcript, bundle, manifest").hasSize(6);
    }

    @Test
    void a_run_stopped_before_the_manifest_is_completed_by_the_next_without_a_second_copy() {
        admin.locked(at.bucket());
        ArchiveRequest req = Conversations.request("c-crash", false, tmp, 4096);
        Archiver dying = new Archiver(store, codec, buckets, CLOCK, id -> {
            throw new IllegalStateException("killed");
        });
        assertThatThrownBy(() -> dying.archive(req)).hasMessage("killed");
        assertThat(versions("c-crash")).hasSize(5);
        assertThat(new Verifier(store, codec).verify(at, List.of("c-crash")).findings())
                .extracting(VerifyFinding::code).containsExactly("INCOMPLETE_ARCHIVE");

        ArchiveReport r = archiver().archive(req);

        assertThat(r.status()).isEqualTo(ArchiveReport.Status.ARCHIVED);
        assertThat(r.objects()).filteredOn(ArchiveReport.Written::created).extracting(ArchiveReport.Written::kind)
                .containsExactly("manifest");
        assertThat(versions("c-crash")).hasSize(6).allMatch(v -> v.latest() && !v.deleteMarker());
        assertThat(new Verifier(store, codec).verify(at, List.of()).findings()).isEmpty();
    }

    @Test
    void one_failed_object_of_a_parallel_archive_leaves_no_manifest_and_the_retry_completes() throws Exception {
        admin.locked(at.bucket());
        ArchiveRequest req = Conversations.request("c-par", false, tmp, 4096);
        String first = Keys.media("c-par", "r-1");
        String failing = Keys.transcript("c-par");
        java.util.concurrent.CountDownLatch failingStarted = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean overlapped = new java.util.concurrent.atomic.AtomicBoolean();
        ObjectStore faulty = new ForwardingStore(store) {
            @Override
            public PutResult putIfAbsent(Location l, String key, Content content, Protection protection) {
                if (key.equals(first)) {
                    // only a parallel archive reaches the transcript while the first media is still being written
                    try {
                        overlapped.set(failingStarted.await(20, java.util.concurrent.TimeUnit.SECONDS));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (key.equals(failing)) {
                    failingStarted.countDown();
                    throw new StoreException("PUT " + key + ": HTTP 503 SlowDown (injected)", 503, null);
                }
                return super.putIfAbsent(l, key, content, protection);
            }
        };

        assertThatThrownBy(() -> new Archiver(faulty, codec, buckets, CLOCK, id -> { }, 4).archive(req))
                .isInstanceOf(StoreException.class).hasMessageContaining(failing);

        assertThat(overlapped).as("the first media and the transcript were in flight together").isTrue();
        assertThat(versions("c-par")).extracting(ObjectVersion::key).as("the other objects finished; no manifest")
                .containsExactlyInAnyOrder(first, Keys.media("c-par", "r-2"), Keys.ivr("c-par"), Keys.bundle("c-par"));
        ArchiveReport r = archiver().archive(req);
        assertThat(r.status()).isEqualTo(ArchiveReport.Status.ARCHIVED);
        assertThat(r.objects()).filteredOn(ArchiveReport.Written::created).extracting(ArchiveReport.Written::kind)
                .containsExactly("transcript", "manifest");
        assertThat(versions("c-par")).hasSize(6).allMatch(v -> v.latest() && !v.deleteMarker());
        assertThat(new Verifier(store, codec).verify(at, List.of()).findings()).isEmpty();
    }

    /** Passes every call to another store; a test overrides what it wants to break. */
    static class ForwardingStore implements ObjectStore {
        private final ObjectStore to;

        ForwardingStore(ObjectStore to) {
            this.to = to;
        }

        public BucketLock bucketLock(Location l) {
            return to.bucketLock(l);
        }

        public PutResult putIfAbsent(Location l, String key, Content content, Protection protection) {
            return to.putIfAbsent(l, key, content, protection);
        }

        public java.util.Optional<StoredObject> head(Location l, String key, String versionId) {
            return to.head(l, key, versionId);
        }

        public InputStream get(Location l, String key, String versionId) {
            return to.get(l, key, versionId);
        }

        public Opened open(Location l, String key, String versionId) {
            return to.open(l, key, versionId);
        }

        public List<ObjectVersion> versions(Location l, String prefix) {
            return to.versions(l, prefix);
        }

        public void setLegalHold(Location l, String key, String versionId, boolean on) {
            to.setLegalHold(l, key, versionId, on);
        }

        public boolean extendRetention(Location l, String key, String versionId, Instant until) {
            return to.extendRetention(l, key, versionId, until);
        }
    }

    @Test
    void refuses_a_bucket_without_object_lock() {
        admin.plain(at.bucket());
        assertThatThrownBy(() -> archive("c-plain", false)).isInstanceOf(ArchiveException.class)
                .hasMessageContaining(target().noLockRefusal()).hasMessageContaining("nothing was written");
        assertThat(versions("c-plain")).isEmpty();
    }

    @Test
    void refuses_a_bucket_that_does_not_exist() {
        assertThatThrownBy(() -> archive("c-nobucket", false)).isInstanceOf(ArchiveException.class)
                .hasMessageContaining("does not exist").hasMessageContaining(target().createHint());
    }

    @Test
    void refuses_media_missing_for_an_available_recording_before_any_write() {
        admin.locked(at.bucket());
        ArchiveRequest full = Conversations.request("c-nomedia", false, tmp, 64);
        ArchiveRequest partial = new ArchiveRequest(full.bundle(), full.decision(),
                Map.of("r-1", full.media().get("r-1")), full.labels());
        assertThatThrownBy(() -> archiver().archive(partial)).isInstanceOf(ArchiveException.class)
                .hasMessageContaining("recording r-2 is AVAILABLE but no media was given for it (--media r-2=FILE)");
        assertThat(versions("c-nomedia")).isEmpty();
    }

    @Test
    void an_archived_object_cannot_be_deleted() {
        assumeLocks();
        admin.locked(at.bucket());
        archive("c-del", false);
        for (ObjectVersion v : versions("c-del")) {
            assertThat(admin.deleteVersion(at.bucket(), v.key(), v.versionId())).as(v.key() + ": refused (S3 403, Azure 409)")
                    .isIn(403, 409);
        }
        assertThat(versions("c-del")).hasSize(6);
    }

    @Test
    void the_store_refuses_to_shorten_a_retention_and_extends_one() {
        assumeLocks();
        admin.locked(at.bucket());
        archive("c-short", false);
        String key = Keys.media("c-short", "r-1");
        StoredObject before = head(key);

        assertThatThrownBy(() -> store.extendRetention(at, key, before.versionId(), Instant.parse("2027-01-01T00:00:00Z")))
                .isInstanceOf(StoreException.class).hasMessageContaining("refused to shorten");
        assertThat(head(key).retainUntil()).isEqualTo(before.retainUntil());

        assertThat(store.extendRetention(at, key, before.versionId(), Instant.parse("2040-01-01T00:00:00Z"))).isTrue();
        assertThat(head(key).retainUntil()).isEqualTo(Instant.parse("2040-01-01T00:00:00Z"));
    }

    @Test
    void retention_is_extended_on_every_object_and_recorded_never_shortened() throws Exception {
        assumeLocks();
        admin.locked(at.bucket());
        ArchiveRequest req = Conversations.request("c-ext", false, tmp, 256);
        archiver().archive(req);

        ArchiveRequest later = new ArchiveRequest(req.bundle(), withRetainUntil(req, "2036-03-02"), req.media(), req.labels());
        ArchiveReport r = archiver().archive(later);
        assertThat(r.notes()).anySatisfy(n -> assertThat(n).contains("retention extended from 2033-03-02 to 2036-03-02"));
        for (ObjectVersion v : versions("c-ext")) {
            assertThat(store.head(at, v.key(), v.versionId()).orElseThrow().retainUntil()).as(v.key())
                    .isEqualTo(Instant.parse("2036-03-03T00:00:00Z"));
        }
        ArchiveEvent e = codec.readEvent(read(Keys.event("c-ext", 1, ArchiveEvent.RETENTION_EXTENDED)));
        assertThat(e.retainUntil()).isEqualTo(LocalDate.parse("2036-03-02"));

        ArchiveRequest earlier = new ArchiveRequest(req.bundle(), withRetainUntil(req, "2030-01-01"), req.media(), req.labels());
        ArchiveReport r2 = archiver().archive(earlier);
        assertThat(r2.notes()).anySatisfy(n -> assertThat(n).contains("retention stays until 2036-03-02"));
        assertThat(head(Keys.media("c-ext", "r-1")).retainUntil()).isEqualTo(Instant.parse("2036-03-03T00:00:00Z"));
        assertThat(new Verifier(store, codec).verify(at, List.of()).findings()).isEmpty();
    }

    static com.recguard.model.Decision withRetainUntil(ArchiveRequest req, String date) {
        var d = req.decision();
        var actions = d.actions().stream().map(a -> a.type().equals("ARCHIVE")
                ? new com.recguard.model.Action("ARCHIVE", new java.util.TreeMap<>(Map.of("region", REGION, "retainUntil", date)))
                : a).toList();
        return new com.recguard.model.Decision(d.conversationId(), d.recording(), d.consent(), d.residencyZone(),
                d.archiveRegion(), d.legalHold(), d.holdReasons(), LocalDate.parse(date), d.violations(), actions,
                d.evidence(), d.isFinal(), d.rulePack(), d.firedRules());
    }

    @Test
    void a_held_conversation_has_the_legal_hold_on_every_object() throws Exception {
        admin.locked(at.bucket());
        ArchiveReport r = archive("c-held", true);
        assertThat(r.status()).isEqualTo(ArchiveReport.Status.ARCHIVED);
        if (locksEnforced()) {
            for (ObjectVersion v : versions("c-held")) {
                assertThat(store.head(at, v.key(), v.versionId()).orElseThrow().legalHold()).as(v.key()).isTrue();
            }
        }
        Manifest m = codec.readManifest(read(Keys.manifest("c-held")));
        assertThat(m.legalHold()).isTrue();
        assertThat(m.holdReasons()).containsExactly("PHRASE:guaranteed return");
        assertThat(new Verifier(store, codec).verify(at, List.of()).findings()).isEmpty();
    }

    @Test
    void a_hold_that_comes_after_archiving_reaches_every_object_and_is_recorded() throws Exception {
        admin.locked(at.bucket());
        ArchiveRequest plain = Conversations.request("c-late", false, tmp, 256);
        archiver().archive(plain);
        boolean locks = locksEnforced();
        if (locks) {
            assertThat(versions("c-late")).allSatisfy(v ->
                    assertThat(store.head(at, v.key(), v.versionId()).orElseThrow().legalHold()).isFalse());
        }

        ArchiveRequest held = Conversations.request("c-late", true, tmp, 256);
        ArchiveRequest heldSameObjects = new ArchiveRequest(plain.bundle(), held.decision(), plain.media(), plain.labels());
        ArchiveReport r = archiver().archive(heldSameObjects);

        assertThat(r.status()).isEqualTo(ArchiveReport.Status.ALREADY_ARCHIVED);
        String eventKey = Keys.event("c-late", 1, ArchiveEvent.HOLD_APPLIED);
        assertThat(versions("c-late")).extracting(ObjectVersion::key).contains(eventKey);
        if (locks) {
            for (ObjectVersion v : versions("c-late")) {
                assertThat(store.head(at, v.key(), v.versionId()).orElseThrow().legalHold()).as(v.key()).isTrue();
            }
        }
        assertThat(codec.readEvent(read(eventKey)).holdReasons()).containsExactly("PHRASE:guaranteed return");
        assertThat(new Verifier(store, codec).verify(at, List.of()).findings()).isEmpty();

        int count = versions("c-late").size();
        archiver().archive(heldSameObjects);
        assertThat(versions("c-late")).hasSize(count);
    }

    @Test
    void releasing_a_hold_needs_a_reason_is_recorded_first_and_clears_every_hold() throws Exception {
        admin.locked(at.bucket());
        ArchiveRequest held = Conversations.request("c-rel", true, tmp, 256);
        archiver().archive(held);

        assertThatThrownBy(() -> archiver().releaseHold(REGION, "c-rel", " ", "ops"))
                .isInstanceOf(ArchiveException.class).hasMessageContaining("reason");
        List<String> notes = archiver().releaseHold(REGION, "c-rel", "Case 2026-17 closed by Legal", "j.doe");

        String eventKey = Keys.event("c-rel", 1, ArchiveEvent.HOLD_RELEASED);
        assertThat(notes).anySatisfy(n -> assertThat(n).contains(eventKey));
        ArchiveEvent e = codec.readEvent(read(eventKey));
        assertThat(e.reason()).isEqualTo("Case 2026-17 closed by Legal");
        assertThat(e.by()).isEqualTo("j.doe");
        assertThat(e.at()).isEqualTo(CLOCK.instant());
        assertThat(e.holdReasons()).containsExactly("PHRASE:guaranteed return");
        if (locksEnforced()) {
            StoredObject recorded = head(eventKey);
            assertThat(recorded.lockMode()).isEqualTo("COMPLIANCE");
            for (ObjectVersion v : versions("c-rel")) {
                StoredObject o = store.head(at, v.key(), v.versionId()).orElseThrow();
                assertThat(o.legalHold()).as(v.key()).isFalse();
                assertThat(o.lockMode()).as(v.key()).isEqualTo("COMPLIANCE");
            }
        }
        int count = versions("c-rel").size();
        ArchiveReport again = archiver().archive(held);
        assertThat(again.notes()).anySatisfy(n -> assertThat(n).contains("were released before; not re-applied"));
        assertThat(versions("c-rel")).hasSize(count);
        assertThat(new Verifier(store, codec).verify(at, List.of()).findings()).isEmpty();
    }

    @Test
    void an_object_in_place_with_other_bytes_is_an_integrity_error_and_is_not_overwritten() {
        admin.locked(at.bucket());
        String key = Keys.media("c-clash", "r-1");
        rawPut(key, "someone else's bytes");

        assertThatThrownBy(() -> archive("c-clash", false)).isInstanceOf(IntegrityException.class)
                .hasMessageContaining(key).hasMessageContaining("already holds different bytes")
                .hasMessageContaining("Nothing was overwritten");
        assertThat(versions("c-clash")).extracting(ObjectVersion::key).containsExactly(key);
        assertThat(store.head(at, Keys.manifest("c-clash"), null)).isEmpty();
    }

    @Test
    void verify_reports_a_tampered_version_and_a_delete_marker() {
        admin.locked(at.bucket());
        archive("c-tamper", false);
        archive("c-marker", false);
        String media = Keys.media("c-tamper", "r-2");
        rawPut(media, "edited");
        String ivr = Keys.ivr("c-marker");
        admin.deleteLatest(at.bucket(), ivr);

        Verifier.Report r = new Verifier(store, codec).verify(at, List.of());

        assertThat(r.conversations()).isEqualTo(2);
        if (!target().versioned()) {
            // The overwrite replaced the only copy (no versions, so no EXTRA_VERSION or DELETE_MARKER);
            // what it did to the lock is not asserted where locks are not enforced.
            locksEnforced();
            assertThat(r.findings()).extracting(VerifyFinding::conversationId, VerifyFinding::key, VerifyFinding::code)
                    .contains(
                            org.assertj.core.groups.Tuple.tuple("c-tamper", media, "HASH_MISMATCH"),
                            org.assertj.core.groups.Tuple.tuple("c-tamper", media, "SIZE_MISMATCH"),
                            org.assertj.core.groups.Tuple.tuple("c-marker", ivr, "MISSING_OBJECT"));
            return;
        }
        assertThat(r.findings()).extracting(VerifyFinding::conversationId, VerifyFinding::key, VerifyFinding::code)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("c-tamper", media, "EXTRA_VERSION"),
                        org.assertj.core.groups.Tuple.tuple("c-tamper", media, "HASH_MISMATCH"),
                        org.assertj.core.groups.Tuple.tuple("c-tamper", media, "SIZE_MISMATCH"),
                        // the new version got only the bucket's one-day default retention:
                        org.assertj.core.groups.Tuple.tuple("c-tamper", media, "RETENTION_TOO_SHORT"),
                        org.assertj.core.groups.Tuple.tuple("c-marker", ivr, "DELETE_MARKER"),
                        org.assertj.core.groups.Tuple.tuple("c-marker", ivr, "MISSING_OBJECT"));
    }

    @Test
    void verify_reports_a_legal_hold_removed_from_a_held_conversation() {
        assumeLocks();
        admin.locked(at.bucket());
        archive("c-unheld", true);
        String key = Keys.transcript("c-unheld");
        admin.legalHoldOff(at.bucket(), key);

        assertThat(new Verifier(store, codec).verify(at, List.of("c-unheld")).findings())
                .extracting(VerifyFinding::key, VerifyFinding::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(key, "LEGAL_HOLD_MISSING"));
    }
}
