package com.recguard.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.archive.Keys;
import com.recguard.cli.Main;
import com.recguard.servers.SharedServers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recguard evidence} and {@code verify-evidence} end to end against a real S3 (moto, else
 * Ceph): conversations decided and logged as the service does, archived under Object Lock (one
 * under legal hold LH-7), the log digested into the bucket; then packs built, verified by both
 * verifiers (Java in-process, {@code python3 verify.py} as a regulator runs it), and tampered with.
 */
class EvidencePackTest {

    @TempDir
    Path tmp;

    EvidenceWorld world;

    static final String LH7 = "{ \"id\": \"LH-7\", \"userIds\": [\"u-trader-3\"] }";

    @BeforeEach
    void setUp() throws Exception {
        world = new EvidenceWorld(SharedServers.any(), tmp);
        world.decideOnly("ev-before");
        world.decideAndArchive(EvidenceWorld.bundle("ev-held", false, "u-trader-3", "2026-03-02", LH7));
        world.decideOnly("ev-between");
        world.decideAndArchive(EvidenceWorld.bundle("ev-plain", false, "u-advisor-9", "2026-04-10", null));
        world.decideOnly("ev-after");
        assertThat(world.digest()).isNotNull();
    }

    @AfterEach
    void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    record Run(int code, String out, String err) {}

    Run recguard(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), world.env());
        return new Run(code, out.toString(), err.toString());
    }

    Path pack(String name, String... selection) {
        Path out = tmp.resolve(name);
        List<String> args = new ArrayList<>(List.of("evidence", "--region", EvidenceWorld.REGION, "--log",
                world.logFile.toString(), "--out", out.toString()));
        args.addAll(List.of(selection));
        Run r = recguard(args.toArray(String[]::new));
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        return out;
    }

    Path script(Path pack) throws Exception {
        return Files.write(tmp.resolve("verify-" + pack.getFileName() + ".py"), EvidenceWorld.members(pack).get(PackLayout.VERIFY_PY));
    }

    @Test
    void aHeldConversationsPackVerifiesOfflineWithBothVerifiers() throws Exception {
        Path pack = pack("held.zip", "ev-held");

        Map<String, byte[]> m = EvidenceWorld.members(pack);
        String f = "conversations/ev-held/";
        assertThat(m.keySet()).contains(PackLayout.README, PackLayout.VERIFY_PY, PackLayout.INDEX_CSV, PackLayout.INDEX_HTML,
                PackLayout.MANIFEST, f + "archive/media/r-1", f + "archive/media/r-2", f + "archive/ivr.json",
                f + "archive/transcript.json", f + "archive/bundle.json", f + "archive/manifest.json",
                f + "archive-versions.json", f + "decision-log.jsonl", f + "decision.json", f + "log-digest.json");
        assertThat(m.keySet()).noneMatch(n -> n.contains("ev-plain"));
        // the archived bytes, as they are in the bucket
        try (var in = world.store.get(world.at, Keys.media("ev-held", "r-1"), null)) {
            assertThat(m.get(f + "archive/media/r-1")).isEqualTo(in.readAllBytes());
        }
        // held, locked, read back from the archive
        String versions = new String(m.get(f + "archive-versions.json"), StandardCharsets.UTF_8);
        versions = versions.substring(0, versions.indexOf("\"digest\" :"));
        assertThat(versions).contains("\"held\" : true", "\"HOLD:LH-7\"", "\"lockMode\" : \"COMPLIANCE\"", "\"legalHold\" : true")
                .doesNotContain("\"legalHold\" : false");
        // the chain runs from ev-held's entry (seq 2) to the digest (seq 5); others' inputs are left out
        List<String> log = new String(m.get(f + "decision-log.jsonl"), StandardCharsets.UTF_8).lines().toList();
        assertThat(log).hasSize(4);
        assertThat(log.get(0)).startsWith("{\"seq\":2,").contains("\"input\":");
        assertThat(log.subList(1, 4)).noneMatch(l -> l.contains("\"input\""));
        assertThat(new String(m.get(f + "log-digest.json"), StandardCharsets.UTF_8)).contains("\"seq\":5");
        assertThat(new String(m.get(PackLayout.INDEX_CSV), StandardCharsets.UTF_8)).contains("ev-held,conversations/ev-held/,eu-west-1")
                .contains(",true,HOLD:LH-7,");

        EvidenceWorld.Verdict java = EvidenceWorld.java(pack);
        EvidenceWorld.Verdict py = EvidenceWorld.python(script(pack), pack);
        assertThat(java.code()).as(String.join("\n", java.lines())).isZero();
        assertThat(py.code()).as(String.join("\n", py.lines())).isZero();
        assertThat(py.lines()).contains("anchor conversations/ev-held/: chain ends at digest seq 5 "
                + new String(m.get(f + "log-digest.json"), StandardCharsets.UTF_8).replaceAll(".*\"hash\":\"([^\"]+)\".*", "$1").strip());

        Run cli = recguard("verify-evidence", pack.toString());
        assertThat(cli.code()).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("anchor conversations/ev-held/: chain ends at digest seq 5", "0 finding(s)");
    }

    @Test
    void aFlippedByteInAnyMemberIsNamedByBothVerifiers() throws Exception {
        Path pack = pack("all.zip", "ev-held", "ev-plain");
        Path script = script(pack);
        Map<String, byte[]> clean = EvidenceWorld.members(pack);
        assertThat(clean).hasSize(5 + 2 * 10);
        List<String> problems = new ArrayList<>();
        for (String member : clean.keySet()) {
            Map<String, byte[]> m = new LinkedHashMap<>(clean);
            m.put(member, EvidenceWorld.flipped(clean.get(member)));
            Path bad = EvidenceWorld.write(tmp.resolve("flip.zip"), m);
            EvidenceWorld.Verdict java = EvidenceWorld.java(bad);
            EvidenceWorld.Verdict py = EvidenceWorld.python(script, bad);
            if (java.code() != 1 || !java.names(member)) {
                problems.add("java did not name " + member + ": " + java.lines());
            }
            if (py.code() != 1 || !py.names(member)) {
                problems.add("verify.py did not name " + member + ": " + py.lines());
            }
            if (!java.findings().equals(py.findings())) {
                problems.add(member + ": the verifiers disagree: java " + java.findings() + ", python " + py.findings());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void aMemberRewrittenTogetherWithThePackManifestIsStillNamed() throws Exception {
        Path pack = pack("held.zip", "ev-held");
        Path script = script(pack);
        Map<String, byte[]> clean = EvidenceWorld.members(pack);
        String f = "conversations/ev-held/";
        // what vouches for each member beyond MANIFEST.sha256
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put(f + "archive/media/r-1", "ARCHIVE_HASH_MISMATCH");
        expected.put(f + "archive/media/r-2", "ARCHIVE_HASH_MISMATCH");
        expected.put(f + "archive/ivr.json", "ARCHIVE_HASH_MISMATCH");
        expected.put(f + "archive/transcript.json", "ARCHIVE_HASH_MISMATCH");
        expected.put(f + "archive/bundle.json", "DECISION_INPUT_MISMATCH");
        expected.put(f + "decision.json", "DECISION_MISMATCH");
        expected.put(f + "log-digest.json", "CHAIN_NOT_ANCHORED");
        List<String> problems = new ArrayList<>();
        for (var e : expected.entrySet()) {
            Map<String, byte[]> m = new LinkedHashMap<>(clean);
            m.put(e.getKey(), EvidenceWorld.flipped(clean.get(e.getKey())));
            m.put(PackLayout.MANIFEST, EvidenceWorld.recomputedManifest(m));
            Path bad = EvidenceWorld.write(tmp.resolve("consistent.zip"), m);
            String want = e.getValue() + " " + e.getKey();
            EvidenceWorld.Verdict java = EvidenceWorld.java(bad);
            EvidenceWorld.Verdict py = EvidenceWorld.python(script, bad);
            if (!java.findings().contains(want) || java.findings().stream().anyMatch(x -> x.startsWith("PACK_HASH_MISMATCH"))) {
                problems.add("java: wanted " + want + ", got " + java.findings());
            }
            if (!py.findings().equals(java.findings())) {
                problems.add(e.getKey() + ": the verifiers disagree: java " + java.findings() + ", python " + py.findings());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void anEditedDecisionLogEntryBreaksTheChainEvenWithARecomputedPackManifest() throws Exception {
        Path pack = pack("held.zip", "ev-held");
        Map<String, byte[]> m = EvidenceWorld.members(pack);
        String name = "conversations/ev-held/decision-log.jsonl";
        String log = new String(m.get(name), StandardCharsets.UTF_8);
        // an entry between ours and the digest now says a different rule pack decided it
        String edited = log.replaceFirst("(\\{\"seq\":3,\"inputHash\":\"[^\"]+\",\"rulePack\":\"sha256:)[0-9a-f]", "$1X");
        assertThat(edited).isNotEqualTo(log);
        m.put(name, edited.getBytes(StandardCharsets.UTF_8));
        m.put(PackLayout.MANIFEST, EvidenceWorld.recomputedManifest(m));
        Path bad = EvidenceWorld.write(tmp.resolve("edited.zip"), m);

        assertThat(EvidenceWorld.java(bad).findings()).containsExactly("ENTRY_EDITED " + name);
        assertThat(EvidenceWorld.python(script(pack), bad).findings()).containsExactly("ENTRY_EDITED " + name);
    }

    @Test
    void aDamagedZipMemberIsNamedAsCorrupt() throws Exception {
        Path pack = pack("held.zip", "ev-held");
        byte[] zip = Files.readAllBytes(pack);
        // a media member is random bytes, so it is stored nearly as is: find its compressed data by its local header
        String name = "conversations/ev-held/archive/media/r-1";
        int header = indexOf(zip, name.getBytes(StandardCharsets.UTF_8));
        assertThat(header).isPositive();
        zip[header + name.length() + 1500] ^= 1;
        Path bad = Files.write(tmp.resolve("damaged.zip"), zip);

        assertThat(EvidenceWorld.java(bad).findings()).contains("CORRUPT_MEMBER " + name);
        assertThat(EvidenceWorld.python(script(pack), bad).findings()).contains("CORRUPT_MEMBER " + name);
        Run cli = recguard("verify-evidence", bad.toString());
        assertThat(cli.code()).isEqualTo(1);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    @Test
    void aDeleteMarkerInTheArchiveIsReportedAndTheLockedBytesArePackedAnyway() throws Exception {
        String key = Keys.media("ev-held", "r-1");
        world.raw.deleteObject(b -> b.bucket(world.at.bucket()).key(key)); // Object Lock allows a marker, not a deletion
        Path pack = pack("marked.zip", "ev-held");
        String member = "conversations/ev-held/archive/media/r-1";

        assertThat(EvidenceWorld.members(pack)).containsKey(member);
        assertThat(EvidenceWorld.java(pack).findings()).containsExactly("DELETE_MARKER " + member);
        assertThat(EvidenceWorld.python(script(pack), pack).findings()).containsExactly("DELETE_MARKER " + member);
    }

    @Test
    void theHoldQueryPicksTheConversationsWhoseArchivedDecisionNamesTheHold() throws Exception {
        Path pack = pack("lh7.zip", "--hold", "LH-7");
        assertThat(EvidenceWorld.members(pack).keySet()).anyMatch(n -> n.startsWith("conversations/ev-held/"))
                .noneMatch(n -> n.startsWith("conversations/ev-plain/"));
        assertThat(EvidenceWorld.java(pack).code()).isZero();

        Run none = recguard("evidence", "--region", "eu-west-1", "--log", world.logFile.toString(), "--out",
                tmp.resolve("lh9.zip").toString(), "--hold", "LH-9");
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("no archived conversation matches query hold=LH-9");
        assertThat(tmp.resolve("lh9.zip")).doesNotExist();
    }

    @Test
    void theUserAndDateQueryPicksByParticipantAndStartDay() throws Exception {
        Path april = pack("april.zip", "--user", "u-advisor-9", "--from", "2026-04-01", "--to", "2026-04-10");
        assertThat(EvidenceWorld.members(april).keySet()).anyMatch(n -> n.startsWith("conversations/ev-plain/"))
                .noneMatch(n -> n.startsWith("conversations/ev-held/"));

        Run march = recguard("evidence", "--region", "eu-west-1", "--log", world.logFile.toString(), "--out",
                tmp.resolve("march.zip").toString(), "--user", "u-advisor-9", "--from", "2026-03-01", "--to", "2026-03-31");
        assertThat(march.code()).isEqualTo(2);
        assertThat(march.err()).contains("no archived conversation matches");
    }

    @Test
    void aConversationNoDigestCoversYetIsRefusedAndNothingIsWritten() throws Exception {
        world.decideAndArchive(EvidenceWorld.bundle("ev-late", false, "u-advisor-9", "2026-03-02", null));
        Path out = tmp.resolve("late.zip");
        Run r = recguard("evidence", "ev-late", "ev-nowhere", "--region", "eu-west-1", "--log", world.logFile.toString(),
                "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("ev-nowhere: no archived manifest");
        assertThat(out).doesNotExist();

        Run late = recguard("evidence", "ev-late", "--region", "eu-west-1", "--log", world.logFile.toString(), "--out", out.toString());
        assertThat(late.code()).isEqualTo(2);
        assertThat(late.err()).contains("ev-late: no log digest", "covers its entry 6 yet", "nothing was written");
        assertThat(out).doesNotExist();
        assertThat(Files.list(tmp).map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }

    @Test
    void anExistingPackIsNeverOverwritten() throws Exception {
        Path out = Files.writeString(tmp.resolve("exists.zip"), "keep me");
        Run r = recguard("evidence", "ev-held", "--region", "eu-west-1", "--log", world.logFile.toString(), "--out", out.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("already exists");
        assertThat(Files.readString(out)).isEqualTo("keep me");
    }

    @Test
    void somethingThatIsNotAZipIsUnreadableForBothVerifiers() throws Exception {
        Path pack = pack("held.zip", "ev-held");
        Path junk = Files.writeString(tmp.resolve("junk.zip"), "this is not a zip");
        assertThat(recguard("verify-evidence", junk.toString()).code()).isEqualTo(2);
        assertThat(EvidenceWorld.python(script(pack), junk).code()).isEqualTo(2);
    }

    @Test
    void theDigestPrefixIsWhereTheServiceWritesDigests() {
        assertThat(LogDigest.PREFIX).isEqualTo(com.recguard.service.LogDigests.PREFIX);
    }
}
