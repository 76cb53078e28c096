package com.recguard.evidence;

import com.recguard.archive.ArchiveCodec;
import com.recguard.archive.ArchiveException;
import com.recguard.archive.ArchiveState;
import com.recguard.archive.Keys;
import com.recguard.archive.Location;
import com.recguard.archive.Manifest;
import com.recguard.archive.ObjectStore;
import com.recguard.archive.ObjectVersion;
import com.recguard.archive.StoredObject;
import com.recguard.audit.LogEntry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds evidence packs in two steps. {@link #plan} reads everything small (manifests, events,
 * version listings and locks, the decision log's entries for the chosen conversations and the
 * chain from them to a locked digest) and refuses, with every reason at once, before a byte of
 * the pack exists. {@link #write} then streams the zip: each archived object is copied from the
 * store into the zip while it is hashed, so a pack of any size needs memory for one buffer.
 */
public final class EvidencePacker {

    /** One conversation as it will be packed. */
    public record Planned(String conversationId, Location at, ArchiveState state, List<VersionRecord> versions,
                          List<LogEntry> chain, LogEntry decided, byte[] digestBytes, LogDigest digest,
                          VersionRecord digestVersion) {
        public Planned {
            versions = List.copyOf(versions);
            chain = List.copyOf(chain);
            digestBytes = digestBytes.clone();
        }

        /** Whether {@code decided} is an entry whose input is the archived bundle (else verify reports DECISION_INPUT_MISMATCH). */
        public boolean decidedFromArchivedBundle() {
            return state.manifest().objects().stream().anyMatch(o -> o.kind().equals("bundle")
                    && ("sha256:" + o.sha256()).equals(decided.inputHash()));
        }

        /** The conversation's own entries (those carrying their input) in the chain. */
        public long ownEntries() {
            return chain.stream().filter(e -> e.input() != null).count();
        }
    }

    /** What a pack will hold. */
    public record Plan(Selection selection, Instant readAt, Location digests, List<Planned> conversations) {
        public Plan {
            conversations = List.copyOf(conversations);
        }
    }

    /** What was written: member count and bytes of archived objects copied. */
    public record Written(int members, long archivedBytes) {}

    private final ObjectStore store;
    private final ArchiveCodec archiveCodec;
    private final EvidenceCodec codec;
    private final Clock clock;

    public EvidencePacker(ObjectStore store, ArchiveCodec archiveCodec, EvidenceCodec codec, Clock clock) {
        this.store = store;
        this.archiveCodec = archiveCodec;
        this.codec = codec;
        this.clock = clock;
    }

    /**
     * Chooses the conversations in the buckets of {@code regions}, reads their archive state and
     * versions, and their decision-log chain up to the first digest (in {@code digests}) at or
     * after their last entry.
     *
     * @throws EvidenceException when something asked for cannot be packed (every reason listed)
     */
    public Plan plan(Selection selection, List<Location> regions, Location digests, DecisionLogSource log) throws IOException {
        Instant readAt = clock.instant();
        List<String> problems = new ArrayList<>();
        Map<String, Location> chosen = select(selection, regions, problems);
        if (chosen.isEmpty() && problems.isEmpty()) {
            problems.add("no archived conversation matches " + selection.describe() + " in " + regions);
        }
        if (!problems.isEmpty()) {
            throw new EvidenceException(String.join("; ", problems));
        }
        // Pass 1: each chosen conversation's own entries (with their input).
        Map<String, List<LogEntry>> own = new TreeMap<>();
        log.scan(e -> {
            String cid = e.input() == null ? null : codec.conversationOf(e.input());
            if (cid != null && chosen.containsKey(cid)) {
                own.computeIfAbsent(cid, k -> new ArrayList<>()).add(e);
            }
        });
        TreeMap<Long, String> digestKeys = digestKeys(digests);
        Map<String, Long> upTo = new LinkedHashMap<>();
        for (String cid : chosen.keySet()) {
            List<LogEntry> es = own.get(cid);
            if (es == null) {
                problems.add(cid + ": the decision log has no entry for it (was it decided by `recguard serve`, and is"
                        + " this the service's log?)");
                continue;
            }
            long last = es.get(es.size() - 1).seq();
            var d = digestKeys.ceilingEntry(last);
            if (d == null) {
                problems.add(cid + ": no log digest in " + digests + " covers its entry " + last + " yet (the service writes one"
                        + " as the log grows; build the pack after the next one)");
                continue;
            }
            upTo.put(cid, d.getKey());
        }
        if (!problems.isEmpty()) {
            throw new EvidenceException(String.join("; ", problems));
        }
        // Pass 2: the chain between each conversation's first entry and its digest; others' inputs left out.
        long low = upTo.keySet().stream().mapToLong(c -> own.get(c).get(0).seq()).min().orElse(0);
        long high = upTo.values().stream().mapToLong(Long::longValue).max().orElse(0);
        TreeMap<Long, LogEntry> between = new TreeMap<>();
        log.scan(e -> {
            if (e.seq() >= low && e.seq() <= high) {
                between.put(e.seq(), new LogEntry(e.seq(), e.inputHash(), e.rulePack(), e.firedRules(), null, e.decision(),
                        e.prevHash(), e.hash()));
            }
        });
        List<Planned> out = new ArrayList<>();
        for (var c : upTo.entrySet()) {
            String cid = c.getKey();
            Location at = chosen.get(cid);
            ArchiveState state = ArchiveState.load(store, archiveCodec, at, cid);
            List<VersionRecord> versions = versions(at, cid);
            Map<Long, LogEntry> mine = new TreeMap<>();
            own.get(cid).forEach(e -> mine.put(e.seq(), e));
            List<LogEntry> chain = new ArrayList<>();
            between.subMap(own.get(cid).get(0).seq(), true, c.getValue(), true)
                    .forEach((seq, e) -> chain.add(mine.getOrDefault(seq, e)));
            String bundleHash = state.manifest().objects().stream().filter(o -> o.kind().equals("bundle"))
                    .map(o -> "sha256:" + o.sha256()).findFirst().orElse(null);
            LogEntry decided = own.get(cid).stream().filter(e -> e.inputHash().equals(bundleHash)).reduce((a, b) -> b)
                    .orElse(own.get(cid).get(own.get(cid).size() - 1));
            String digestKey = digestKeys.get(c.getValue());
            VersionRecord digestVersion = version(digests, digestKey, null, null);
            byte[] digestBytes;
            try (InputStream in = store.get(digests, digestKey, digestVersion.versionId())) {
                digestBytes = in.readAllBytes();
            }
            out.add(new Planned(cid, at, state, versions, chain, decided, digestBytes, codec.readDigest(digestBytes),
                    new VersionRecord(digestVersion.key(), digestVersion.versionId(), true, false, digestVersion.size(),
                            digestVersion.lockMode(), digestVersion.retainUntil(), digestVersion.legalHold(),
                            digestVersion.sha256(), PackLayout.digest(cid))));
        }
        return new Plan(selection, readAt, digests, out);
    }

    private Map<String, Location> select(Selection s, List<Location> regions, List<String> problems) {
        Map<String, Location> chosen = new TreeMap<>();
        if (!s.byQuery()) {
            for (String cid : s.conversationIds()) {
                Optional<Location> where = regions.stream()
                        .filter(at -> store.head(at, Keys.manifest(cid), null).isPresent()).findFirst();
                if (where.isPresent()) {
                    chosen.put(cid, where.get());
                } else {
                    problems.add(cid + ": no archived manifest (" + Keys.manifest(cid) + ") in " + regions);
                }
            }
            return chosen;
        }
        for (Location at : regions) {
            if (!store.bucketLock(at).exists()) {
                problems.add("bucket " + at.bucket() + " does not exist (region " + at.region() + ")");
                continue;
            }
            for (ObjectVersion v : store.versions(at, Keys.ROOT)) {
                String cid = Keys.conversationOf(v.key());
                if (cid == null || !v.latest() || v.deleteMarker() || !v.key().equals(Keys.manifest(cid))
                        || chosen.containsKey(cid)) {
                    continue;
                }
                ArchiveState state;
                try {
                    state = ArchiveState.load(store, archiveCodec, at, cid);
                } catch (ArchiveException | UncheckedIOException e) {
                    problems.add(cid + ": its manifest does not read (" + e.getMessage() + "); run `recguard verify`");
                    continue;
                }
                if (matches(s, state)) {
                    chosen.put(cid, at);
                }
            }
        }
        return chosen;
    }

    /** The query over an archived conversation's manifest and events. */
    static boolean matches(Selection s, ArchiveState state) {
        Manifest m = state.manifest();
        if (s.user() != null && m.participants().stream().noneMatch(p -> s.user().equals(p.userId()))) {
            return false;
        }
        if (s.from() != null && (m.startTime() == null || m.startTime().isBefore(s.from().atStartOfDay(ZoneOffset.UTC).toInstant()))) {
            return false;
        }
        if (s.to() != null && (m.startTime() == null
                || !m.startTime().isBefore(s.to().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()))) {
            return false;
        }
        if (s.hold() != null) {
            List<String> named = new ArrayList<>(m.holdReasons());
            state.events().forEach(e -> named.addAll(e.holdReasons()));
            return named.stream().anyMatch(r -> r.equals(s.hold()) || r.equals("HOLD:" + s.hold()));
        }
        return true;
    }

    private TreeMap<Long, String> digestKeys(Location digests) {
        TreeMap<Long, String> keys = new TreeMap<>();
        for (ObjectVersion v : store.versions(digests, LogDigest.PREFIX)) {
            String name = v.key().substring(LogDigest.PREFIX.length());
            if (v.latest() && !v.deleteMarker() && name.matches("\\d{12}\\.json")) {
                keys.put(Long.parseLong(name.substring(0, 12)), v.key());
            }
        }
        return keys;
    }

    /**
     * Every version under the conversation's prefix. The newest stored version of each key goes into
     * the pack, even when a delete marker hides it (the locked bytes are still there, and are the evidence).
     */
    private List<VersionRecord> versions(Location at, String cid) {
        List<VersionRecord> out = new ArrayList<>();
        java.util.Set<String> packed = new java.util.HashSet<>();
        for (ObjectVersion v : store.versions(at, Keys.prefix(cid))) {
            if (v.deleteMarker()) {
                out.add(new VersionRecord(v.key(), v.versionId(), v.latest(), true, 0, null, null, false, null, null));
            } else {
                VersionRecord r = version(at, v.key(), v.versionId(), packed.add(v.key()) ? PackLayout.archived(cid, v.key()) : null);
                out.add(new VersionRecord(r.key(), r.versionId(), v.latest(), false, r.size(), r.lockMode(), r.retainUntil(),
                        r.legalHold(), r.sha256(), r.member()));
            }
        }
        return out;
    }

    private VersionRecord version(Location at, String key, String versionId, String member) {
        StoredObject o = store.head(at, key, versionId)
                .orElseThrow(() -> new EvidenceException(key + " (version " + versionId + ") vanished from " + at + " while packing"));
        String sha = o.sha256Base64() == null ? null : HexFormat.of().formatHex(Base64.getDecoder().decode(o.sha256Base64()));
        return new VersionRecord(key, o.versionId(), true, false, o.size(), o.lockMode(), o.retainUntil(), o.legalHold(), sha, member);
    }

    /** Streams the pack to {@code out} (closed at the end); the manifest of members is written last. */
    public Written write(Plan plan, OutputStream out) throws IOException {
        PackWriter w = new PackWriter(out, plan.readAt());
        w.put(PackLayout.README, readme(plan).getBytes(StandardCharsets.UTF_8));
        try (InputStream py = resource("verify.py")) {
            w.put(PackLayout.VERIFY_PY, py);
        }
        w.put(PackLayout.INDEX_CSV, PackIndex.csv(plan).getBytes(StandardCharsets.UTF_8));
        w.put(PackLayout.INDEX_HTML, PackIndex.html(plan).getBytes(StandardCharsets.UTF_8));
        long bytes = 0;
        for (Planned p : plan.conversations()) {
            for (VersionRecord v : p.versions()) {
                if (v.member() == null) {
                    continue;
                }
                try (ObjectStore.Opened o = store.open(p.at(), v.key(), v.versionId())) {
                    bytes += w.put(v.member(), o.body());
                }
            }
            w.put(PackLayout.versions(p.conversationId()), codec.versions(new ArchiveVersions(p.conversationId(),
                    p.at().region(), p.at().bucket(), plan.readAt(), p.state().held(), p.state().activeReasons(),
                    p.versions(), plan.digests().region(), plan.digests().bucket(), p.digestVersion())));
            StringBuilder lines = new StringBuilder();
            for (LogEntry e : p.chain()) {
                lines.append(codec.logLine(e, e.input() != null)).append('\n');
            }
            w.put(PackLayout.decisionLog(p.conversationId()), lines.toString().getBytes(StandardCharsets.UTF_8));
            w.put(PackLayout.decision(p.conversationId()), p.decided().decision().getBytes(StandardCharsets.UTF_8));
            w.put(PackLayout.digest(p.conversationId()), p.digestBytes());
        }
        int members = w.finish();
        return new Written(members, bytes);
    }

    static InputStream resource(String name) {
        InputStream in = EvidencePacker.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is missing from the recguard jar");
        }
        return in;
    }

    private static String readme(Plan plan) throws IOException {
        String text;
        try (InputStream in = resource("README.txt")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        StringBuilder digests = new StringBuilder();
        for (Planned p : plan.conversations()) {
            digests.append("  ").append(p.conversationId()).append(": s3://").append(plan.digests().bucket()).append('/')
                    .append(p.digestVersion().key()).append(" version ").append(p.digestVersion().versionId())
                    .append("\n      seq ").append(p.digest().seq()).append(", hash ").append(p.digest().hash()).append('\n');
        }
        return text.replace("{{readAt}}", plan.readAt().toString())
                .replace("{{selection}}", plan.selection().describe())
                .replace("{{count}}", Integer.toString(plan.conversations().size()))
                .replace("{{digests}}", digests.toString().stripTrailing());
    }
}
