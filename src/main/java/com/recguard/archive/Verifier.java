package com.recguard.archive;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Re-checks archives against their manifests: every listed object is there, hashes and sizes as
 * the manifest says, is locked COMPLIANCE until at least the manifest's (or a later extension's)
 * date, and carries the legal hold while the conversation is held. Reads only.
 */
public final class Verifier {

    /** What a run looked at, and what it found. */
    public record Report(int conversations, int objects, List<VerifyFinding> findings) {
        public Report {
            findings = List.copyOf(findings);
        }

        public boolean clean() {
            return findings.isEmpty();
        }
    }

    private final ObjectStore store;
    private final ArchiveCodec codec;

    public Verifier(ObjectStore store, ArchiveCodec codec) {
        this.store = store;
        this.codec = codec;
    }

    /** Verifies the named conversations, or every conversation in the bucket when none is named. */
    public Report verify(Location at, List<String> conversationIds) {
        if (!store.bucketLock(at).exists()) {
            throw new ArchiveException("bucket " + at.bucket() + " does not exist (region " + at.region() + ")");
        }
        Map<String, List<ObjectVersion>> byConversation = new TreeMap<>();
        if (conversationIds.isEmpty()) {
            for (ObjectVersion v : store.versions(at, Keys.ROOT)) {
                String cid = Keys.conversationOf(v.key());
                if (cid != null) {
                    byConversation.computeIfAbsent(cid, k -> new ArrayList<>()).add(v);
                }
            }
        } else {
            for (String cid : conversationIds) {
                byConversation.put(cid, store.versions(at, Keys.prefix(cid)));
            }
        }
        List<VerifyFinding> findings = new ArrayList<>();
        int objects = 0;
        for (var e : byConversation.entrySet()) {
            objects += verifyOne(at, e.getKey(), e.getValue(), findings);
        }
        return new Report(byConversation.size(), objects, findings);
    }

    private int verifyOne(Location at, String cid, List<ObjectVersion> versions, List<VerifyFinding> out) {
        Map<String, List<ObjectVersion>> byKey = new LinkedHashMap<>();
        versions.forEach(v -> byKey.computeIfAbsent(v.key(), k -> new ArrayList<>()).add(v));
        String manifestKey = Keys.manifest(cid);
        if (versions.isEmpty()) {
            out.add(new VerifyFinding(cid, null, "NO_ARCHIVE", "nothing is archived under " + Keys.prefix(cid) + " in " + at));
            return 0;
        }
        for (var e : byKey.entrySet()) {
            long stored = e.getValue().stream().filter(v -> !v.deleteMarker()).count();
            if (e.getValue().stream().anyMatch(ObjectVersion::deleteMarker)) {
                out.add(new VerifyFinding(cid, e.getKey(), "DELETE_MARKER",
                        "a delete marker was placed on this key (the locked versions remain)"));
            }
            if (stored > 1) {
                out.add(new VerifyFinding(cid, e.getKey(), "EXTRA_VERSION", stored
                        + " versions where one was written: a second write got past If-None-Match"));
            }
        }
        if (store.head(at, manifestKey, null).isEmpty()) {
            out.add(new VerifyFinding(cid, manifestKey, "INCOMPLETE_ARCHIVE", byKey.size()
                    + " object(s) but no manifest: an archive run stopped before its end; run `recguard archive` again"));
            return 0;
        }
        ArchiveState state;
        try {
            state = ArchiveState.load(store, codec, at, cid);
        } catch (ArchiveException | java.io.UncheckedIOException e) {
            out.add(new VerifyFinding(cid, manifestKey, "UNREADABLE_MANIFEST", e.getMessage()));
            return 1;
        }
        Instant required = Protection.lockInstant(state.retainUntil());
        boolean held = state.held();
        TreeSet<String> listed = new TreeSet<>();
        int checked = 0;
        for (Manifest.Entry entry : state.manifest().objects()) {
            listed.add(entry.key());
            checkObject(at, cid, entry.key(), entry, required, held, out);
            checked++;
        }
        listed.add(manifestKey);
        checkObject(at, cid, manifestKey, null, required, held, out);
        checked++;
        for (String key : byKey.keySet()) {
            if (Keys.eventSequence(key) >= 0) {
                listed.add(key);
                checkObject(at, cid, key, null, required, held, out);
                checked++;
            }
        }
        for (String key : byKey.keySet()) {
            if (!listed.contains(key)) {
                out.add(new VerifyFinding(cid, key, "UNLISTED_OBJECT", "not listed in the manifest"));
            }
        }
        return checked;
    }

    private void checkObject(Location at, String cid, String key, Manifest.Entry expected, Instant required,
                             boolean held, List<VerifyFinding> out) {
        Optional<StoredObject> head = store.head(at, key, null);
        if (head.isEmpty()) {
            out.add(new VerifyFinding(cid, key, "MISSING_OBJECT", "listed in the manifest but not in " + at));
            return;
        }
        StoredObject o = head.get();
        if (!Protection.MODE.equals(o.lockMode())) {
            out.add(new VerifyFinding(cid, key, "NOT_COMPLIANCE", "lock mode is " + o.lockMode() + ", not COMPLIANCE"));
        }
        if (o.retainUntil() == null || o.retainUntil().isBefore(required)) {
            out.add(new VerifyFinding(cid, key, "RETENTION_TOO_SHORT", "retained until " + o.retainUntil()
                    + ", the manifest requires " + required));
        }
        if (held && !o.legalHold()) {
            out.add(new VerifyFinding(cid, key, "LEGAL_HOLD_MISSING", "the conversation is held but this object has no legal hold"));
        }
        if (expected != null) {
            Digests.Hashed h;
            try (InputStream in = store.get(at, key, o.versionId())) {
                h = Digests.hash(in);
            } catch (IOException | StoreException e) {
                out.add(new VerifyFinding(cid, key, "MISSING_OBJECT", "cannot be read: " + e.getMessage()));
                return;
            }
            if (!h.sha256Hex().equals(expected.sha256())) {
                out.add(new VerifyFinding(cid, key, "HASH_MISMATCH", "sha256 " + h.sha256Hex() + ", the manifest says "
                        + expected.sha256()));
            }
            if (h.size() != expected.size()) {
                out.add(new VerifyFinding(cid, key, "SIZE_MISMATCH", h.size() + " bytes, the manifest says " + expected.size()));
            }
        }
    }
}
