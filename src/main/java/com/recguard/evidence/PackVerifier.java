package com.recguard.evidence;

import com.recguard.archive.Digests;
import com.recguard.audit.LogEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Verifies a pack offline, from its bytes alone, reading each member once as a stream (only the
 * small JSON members are kept in memory, never the media). Every finding names the member it is about. The checks, in the
 * same order as {@code verify.py}:
 * <ol>
 * <li>each member against {@code MANIFEST.sha256}, and that file against its own last line;</li>
 * <li>each archived object against the hash and size its archived {@code manifest.json} lists, so
 *     a member rewritten together with {@code MANIFEST.sha256} is still caught;</li>
 * <li>each object's version, checksum, lock mode, retain-until and legal hold as read back from
 *     the archive ({@code archive-versions.json});</li>
 * <li>the decision-log chain (sequence, links, hashes, inputs) with the archive's own rules
 *     ({@link LogEntry#expectedHash()}) and that it ends at the locked digest;</li>
 * <li>that an entry's input hash is the archived bundle's, and {@code decision.json} is that
 *     entry's decision.</li>
 * </ol>
 * What this cannot prove offline (that the digest is the one in the bucket) is in docs/evidence.md.
 */
public final class PackVerifier {

    /** The outcome: members read, conversations checked, findings, and the anchors to compare with the archive. */
    public record Report(int members, int conversations, List<PackFinding> findings, List<String> anchors) {
        public Report {
            findings = List.copyOf(findings);
            anchors = List.copyOf(anchors);
        }

        public boolean clean() {
            return findings.isEmpty();
        }
    }

    /** The pack is not a zip, or breaks off: nothing can be said about its members. */
    public static final class UnreadablePackException extends Exception {
        public UnreadablePackException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private record Member(String sha256, long size, byte[] bytes) {}

    private final EvidenceCodec codec;

    public PackVerifier(EvidenceCodec codec) {
        this.codec = codec;
    }

    static boolean kept(String name) {
        return name.equals(PackLayout.MANIFEST) || name.endsWith("/archive/manifest.json")
                || name.endsWith("/archive-versions.json") || name.endsWith("/decision-log.jsonl")
                || name.endsWith("/decision.json") || name.endsWith("/log-digest.json");
    }

    /**
     * Verifies the pack in {@code file}. Members are found through the zip's central directory
     * (as Python's zipfile does), so one damaged member does not hide the ones after it; each is
     * read once, as a stream.
     */
    public Report verify(Path file) throws UnreadablePackException {
        Findings f = new Findings();
        Map<String, Member> members = new LinkedHashMap<>();
        int entries = 0;
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                entries++;
                String name = e.getName();
                if (members.containsKey(name)) {
                    f.add("DUPLICATE_MEMBER", name, "the pack holds this name more than once");
                }
                MessageDigest sha = Digests.newSha256();
                java.io.ByteArrayOutputStream keep = kept(name) ? new java.io.ByteArrayOutputStream() : null;
                long size = 0;
                byte[] buf = new byte[1 << 16];
                java.util.zip.CRC32 crc = new java.util.zip.CRC32();
                try (InputStream in = zip.getInputStream(e)) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        sha.update(buf, 0, n);
                        crc.update(buf, 0, n);
                        size += n;
                        if (keep != null) {
                            keep.write(buf, 0, n);
                        }
                    }
                    if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
                        // ZipFile does not check the CRC-32 the zip records; Python's zipfile does
                        throw new IOException("Bad CRC-32 for file '" + name + "'");
                    }
                } catch (IOException ex) {
                    f.add("CORRUPT_MEMBER", name, "the zip data of this member is damaged: " + ex.getMessage());
                    members.put(name, new Member("", -1, null));
                    continue;
                }
                members.put(name, new Member(HexFormat.of().formatHex(sha.digest()), size, keep == null ? null : keep.toByteArray()));
            }
        } catch (IOException ex) {
            throw new UnreadablePackException("not a readable zip: " + ex.getMessage(), ex);
        }
        if (entries == 0) {
            throw new UnreadablePackException("not a zip, or a zip with no members", null);
        }
        checkManifest(members, f);
        TreeSet<String> folders = new TreeSet<>();
        members.keySet().forEach(n -> folderOf(n, folders));
        f.listed.keySet().forEach(n -> folderOf(n, folders));
        List<String> anchors = new ArrayList<>();
        for (String folder : folders) {
            checkConversation(folder, members, f, anchors);
        }
        return new Report(entries, folders.size(), f.list(), anchors);
    }

    private static void folderOf(String name, Set<String> folders) {
        if (name.startsWith(PackLayout.CONVERSATIONS)) {
            int slash = name.indexOf('/', PackLayout.CONVERSATIONS.length());
            if (slash > PackLayout.CONVERSATIONS.length()) {
                folders.add(name.substring(0, slash + 1));
            }
        }
    }

    /** Findings, one per (code, member): the same finding reached twice is reported once, in both verifiers. */
    private static final class Findings {
        final Map<String, PackFinding> byKey = new LinkedHashMap<>();
        final Map<String, String> listed = new LinkedHashMap<>();

        void add(String code, String member, String detail) {
            byKey.putIfAbsent(code + " " + member, new PackFinding(code, member, detail));
        }

        List<PackFinding> list() {
            return new ArrayList<>(byKey.values());
        }
    }

    private static void checkManifest(Map<String, Member> members, Findings f) {
        Member m = members.get(PackLayout.MANIFEST);
        if (m == null || m.bytes() == null) {
            f.add("MISSING_MEMBER", PackLayout.MANIFEST, "the pack's list of members and hashes is missing");
            return;
        }
        String text = utf8(m.bytes());
        if (text == null) {
            f.add("MANIFEST_CORRUPT", PackLayout.MANIFEST, "not UTF-8 text");
            return;
        }
        int cut = text.lastIndexOf(PackLayout.MANIFEST_TRAILER);
        if (cut < 0 || (cut > 0 && text.charAt(cut - 1) != '\n')) {
            f.add("MANIFEST_CORRUPT", PackLayout.MANIFEST, "its last line (the hash of the lines above) is missing");
        } else {
            String body = text.substring(0, cut);
            String claimed = text.substring(cut + PackLayout.MANIFEST_TRAILER.length()).strip();
            if (!claimed.equals(Digests.sha256Hex(body.getBytes(StandardCharsets.UTF_8)))) {
                f.add("MANIFEST_CORRUPT", PackLayout.MANIFEST, "its lines do not hash to its last line: the file was changed");
            }
            text = body;
        }
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 67 || !line.substring(0, 64).matches("[0-9a-f]{64}") || !line.startsWith("  ", 64)) {
                f.add("MANIFEST_CORRUPT", PackLayout.MANIFEST, "line " + (i + 1) + " is not '<sha256>  <member>'");
                continue;
            }
            f.listed.put(line.substring(66), line.substring(0, 64));
        }
        for (var e : f.listed.entrySet()) {
            Member got = members.get(e.getKey());
            if (got == null) {
                f.add("MISSING_MEMBER", e.getKey(), "listed in MANIFEST.sha256 but not in the pack");
            } else if (got.size() >= 0 && !got.sha256().equals(e.getValue())) {
                f.add("PACK_HASH_MISMATCH", e.getKey(), "sha256 " + got.sha256() + ", MANIFEST.sha256 says " + e.getValue());
            }
        }
        for (String name : members.keySet()) {
            if (!name.equals(PackLayout.MANIFEST) && !f.listed.containsKey(name)) {
                f.add("UNLISTED_MEMBER", name, "in the pack but not in MANIFEST.sha256");
            }
        }
    }

    private void checkConversation(String folder, Map<String, Member> members, Findings f, List<String> anchors) {
        String seg = folder.substring(PackLayout.CONVERSATIONS.length(), folder.length() - 1);
        String keyPrefix = com.recguard.archive.Keys.ROOT + seg + "/";
        // 2. archived objects against the archived manifest
        String manifestName = folder + "archive/manifest.json";
        ManifestView manifest = null;
        byte[] mb = bytes(members, manifestName, f);
        if (mb != null) {
            try {
                manifest = codec.readManifest(mb);
            } catch (PackFormatException e) {
                f.add("UNREADABLE_MEMBER", manifestName, e.getMessage());
            }
        }
        String bundleName = null;
        if (manifest != null) {
            for (ManifestView.Entry o : manifest.objects()) {
                if (!o.key().startsWith(keyPrefix)) {
                    f.add("UNREADABLE_MEMBER", manifestName, "lists " + o.key() + ", which is not under " + keyPrefix);
                    continue;
                }
                String name = folder + "archive/" + o.key().substring(keyPrefix.length());
                if (o.kind().equals("bundle")) {
                    bundleName = name;
                }
                Member got = members.get(name);
                if (got == null) {
                    f.add("MISSING_MEMBER", name, "the archived manifest lists it");
                } else if (got.size() >= 0 && (!got.sha256().equals(o.sha256()) || got.size() != o.size())) {
                    f.add("ARCHIVE_HASH_MISMATCH", name, "sha256 " + got.sha256() + " (" + got.size()
                            + " bytes), the archived manifest says " + o.sha256() + " (" + o.size() + " bytes)");
                }
            }
        }
        // 3. versions and locks as read back from the archive
        String versionsName = folder + "archive-versions.json";
        String digestName = folder + "log-digest.json";
        byte[] vb = bytes(members, versionsName, f);
        if (vb != null) {
            try {
                checkVersions(codec.readVersions(vb), folder, keyPrefix, manifest, members, f, digestName);
            } catch (PackFormatException e) {
                f.add("UNREADABLE_MEMBER", versionsName, e.getMessage());
            }
        }
        // 4. the chain, and its anchor
        String logName = folder + "decision-log.jsonl";
        List<LogEntry> chain = readChain(members, logName, f);
        LogDigest digest = null;
        byte[] db = bytes(members, digestName, f);
        if (db != null) {
            try {
                digest = codec.readDigest(db);
            } catch (PackFormatException e) {
                f.add("UNREADABLE_MEMBER", digestName, e.getMessage());
            }
        }
        if (chain != null) {
            checkChain(chain, logName, f);
            if (digest != null) {
                LogEntry last = chain.isEmpty() ? null : chain.get(chain.size() - 1);
                if (last == null || last.seq() != digest.seq() || !last.hash().equals(digest.hash())) {
                    f.add("CHAIN_NOT_ANCHORED", digestName, "the digest holds entry " + digest.seq() + " " + digest.hash()
                            + ", the chain ends at " + (last == null ? "nothing" : "entry " + last.seq() + " " + last.hash()));
                } else {
                    anchors.add(folder + ": chain ends at digest seq " + digest.seq() + " " + digest.hash());
                }
            }
        }
        // 5. the decision was made from the archived bundle
        String decisionName = folder + "decision.json";
        byte[] decision = bytes(members, decisionName, f);
        if (chain != null && bundleName != null && members.containsKey(bundleName)) {
            String bundleHash = "sha256:" + members.get(bundleName).sha256();
            LogEntry made = null;
            for (LogEntry e : chain) {
                if (e.input() != null && e.inputHash().equals(bundleHash)) {
                    made = e;
                }
            }
            if (made == null) {
                f.add("DECISION_INPUT_MISMATCH", bundleName, "no decision-log entry of this conversation has this bundle as its input");
            } else if (decision != null && !made.decision().equals(utf8(decision))) {
                f.add("DECISION_MISMATCH", decisionName, "differs from the decision of log entry " + made.seq());
            }
        }
    }

    private static void checkVersions(ArchiveVersions v, String folder, String keyPrefix, ManifestView manifest,
                                      Map<String, Member> members, Findings f, String digestName) {
        Map<String, List<VersionRecord>> byKey = new TreeMap<>();
        v.versions().forEach(r -> byKey.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
        for (var e : byKey.entrySet()) {
            String name = e.getKey().startsWith(keyPrefix) ? folder + "archive/" + e.getKey().substring(keyPrefix.length())
                    : folder + "archive-versions.json";
            if (e.getValue().stream().filter(r -> !r.deleteMarker()).count() > 1) {
                f.add("EXTRA_VERSION", name, "the archive holds more than one version of this key");
            }
            if (e.getValue().stream().anyMatch(VersionRecord::deleteMarker)) {
                f.add("DELETE_MARKER", name, "a delete marker was placed on this key in the archive");
            }
        }
        List<VersionRecord> withMembers = new ArrayList<>();
        v.versions().stream().filter(r -> !r.deleteMarker() && r.member() != null).forEach(withMembers::add);
        for (VersionRecord r : withMembers) {
            checkVersion(r, r.member(), members, f);
            if (manifest != null && manifest.lockedUntil() != null
                    && (r.retainUntil() == null || r.retainUntil().isBefore(manifest.lockedUntil()))) {
                f.add("RETENTION_TOO_SHORT", r.member(), "retained until " + r.retainUntil() + ", the manifest promised "
                        + manifest.lockedUntil());
            }
            if (v.held() && !r.legalHold()) {
                f.add("LEGAL_HOLD_MISSING", r.member(), "the conversation is held but this object had no legal hold");
            }
        }
        if (v.digest() == null) {
            f.add("UNREADABLE_MEMBER", folder + "archive-versions.json", "names no digest version");
        } else {
            checkVersion(v.digest(), digestName, members, f);
        }
    }

    private static void checkVersion(VersionRecord r, String name, Map<String, Member> members, Findings f) {
        Member got = members.get(name);
        if (got == null) {
            f.add("MISSING_MEMBER", name, "archive-versions.json names it");
        } else if (got.size() >= 0 && ((r.sha256() != null && !r.sha256().equals(got.sha256())) || r.size() != got.size())) {
            f.add("VERSION_CHECKSUM_MISMATCH", name, "sha256 " + got.sha256() + " (" + got.size() + " bytes), the archive reported "
                    + r.sha256() + " (" + r.size() + " bytes) for version " + r.versionId());
        }
        if (!"COMPLIANCE".equals(r.lockMode())) {
            f.add("NOT_COMPLIANCE", name, "lock mode was " + r.lockMode() + ", not COMPLIANCE");
        }
    }

    private List<LogEntry> readChain(Map<String, Member> members, String name, Findings f) {
        byte[] b = bytes(members, name, f);
        if (b == null) {
            return null;
        }
        String text = utf8(b);
        if (text == null) {
            f.add("UNREADABLE_MEMBER", name, "not UTF-8 text");
            return null;
        }
        List<LogEntry> out = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            try {
                out.add(codec.readLogLine(lines[i]));
            } catch (PackFormatException e) {
                f.add("UNREADABLE_MEMBER", name, "line " + (i + 1) + ": " + e.getMessage());
                return null;
            }
        }
        return out;
    }

    /** The chain rules of {@code audit.ChainCheck}, for a chain that starts mid-log and whose other entries carry no input. */
    private static void checkChain(List<LogEntry> chain, String name, Findings f) {
        if (chain.isEmpty()) {
            f.add("CHAIN_BROKEN", name, "no entries");
            return;
        }
        for (int i = 0; i < chain.size(); i++) {
            LogEntry e = chain.get(i);
            if (i > 0) {
                LogEntry prev = chain.get(i - 1);
                if (e.seq() != prev.seq() + 1 || !e.prevHash().equals(prev.hash())) {
                    f.add("CHAIN_BROKEN", name, "entry " + e.seq() + " does not follow entry " + prev.seq());
                }
            }
            if (!e.hash().equals(e.expectedHash())) {
                f.add("ENTRY_EDITED", name, "entry " + e.seq() + ": its content does not match its hash");
            }
            if (e.input() != null && !e.inputHash().equals(LogEntry.sha256(e.input()))) {
                f.add("INPUT_EDITED", name, "entry " + e.seq() + ": its input does not match its input hash");
            }
        }
    }

    private static byte[] bytes(Map<String, Member> members, String name, Findings f) {
        Member m = members.get(name);
        if (m == null) {
            f.add("MISSING_MEMBER", name, "every conversation folder has one");
            return null;
        }
        return m.bytes();
    }

    /** Strict UTF-8 (a damaged byte is not silently replaced), or null. */
    static String utf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
