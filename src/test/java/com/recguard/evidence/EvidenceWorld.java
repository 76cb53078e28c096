package com.recguard.evidence;

import com.recguard.adapter.file.DecisionLogFile;
import com.recguard.archive.ArchiveRequest;
import com.recguard.archive.Archiver;
import com.recguard.archive.Buckets;
import com.recguard.archive.Conversations;
import com.recguard.archive.Location;
import com.recguard.archive.ObjectStore;
import com.recguard.json.ArchiveJson;
import com.recguard.json.BundleReader;
import com.recguard.json.BundleWriter;
import com.recguard.json.DecisionWriter;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import com.recguard.service.LogDigests;
import com.recguard.servers.S3Server;
import com.recguard.servers.TestBuckets;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real archive (a locked bucket on the test S3 server) with conversations archived and decided
 * the way {@code recguard serve} does it: the decision logged with the canonical bundle as its
 * input, the conversation archived, and a log digest written under Object Lock. Plus the tools
 * the tests use on packs: rewrite a member, and run both verifiers.
 */
final class EvidenceWorld implements AutoCloseable {

    static final String REGION = "eu-west-1";
    private static int seq;

    final S3Server server;
    final S3Client raw;
    final ObjectStore store;
    final String bucketTemplate;
    final Location at;
    final Path dir;
    final Path logFile;
    final DecisionLogFile log;
    final Clock clock = Clock.fixed(Instant.parse("2026-03-02T11:00:00Z"), ZoneOffset.UTC);

    EvidenceWorld(S3Server server, Path dir) throws Exception {
        this.server = server;
        this.raw = server.rawClient();
        this.store = server.store();
        this.bucketTemplate = "ev-" + ProcessHandle.current().pid() + "-" + (++seq) + "-{region}";
        this.at = new Location(REGION, bucketTemplate.replace("{region}", REGION));
        TestBuckets.locked(raw, at.bucket());
        this.dir = dir;
        this.logFile = dir.resolve("decisions.log");
        this.log = new DecisionLogFile(logFile);
    }

    Map<String, String> env() {
        Map<String, String> env = new LinkedHashMap<>(server.env());
        env.put("RECGUARD_ARCHIVE_BUCKET", bucketTemplate);
        return env;
    }

    /** A bundle of the shared test conversation, with a user, a start day and legal holds of our choosing. */
    static String bundle(String id, boolean phraseHeld, String user, String day, String holdJson) {
        String json = Conversations.bundleJson(id, phraseHeld).replace("u-advisor-7", user).replace("2026-03-02", day);
        return holdJson == null ? json : json.replace("\"evaluatedAt\"", "\"legalHolds\": [" + holdJson + "], \"evaluatedAt\"");
    }

    /** Decides and logs (as the service does), then archives; returns the decision. */
    Decision decideAndArchive(String bundleJson) throws Exception {
        Bundle b = BundleReader.read(bundleJson);
        Decision d = Conversations.evaluator().evaluate(b);
        log.append(BundleWriter.canonical(b), d.rulePack(), d.firedRules(), DecisionWriter.writeCompact(d));
        Map<String, Path> media = Conversations.media(dir, b.conversation().conversationId(), 3000);
        new Archiver(store, new ArchiveJson(), new Buckets(bucketTemplate, Map.of()), clock)
                .archive(new ArchiveRequest(b, d, media, ArchiveJson.labels(bundleJson)));
        return d;
    }

    /** Another conversation decided (logged) but not archived: its entry sits in the chain between ours. */
    void decideOnly(String id) throws Exception {
        Bundle b = BundleReader.read(Conversations.bundleJson(id, false));
        Decision d = Conversations.evaluator().evaluate(b);
        log.append(BundleWriter.canonical(b), d.rulePack(), d.firedRules(), DecisionWriter.writeCompact(d));
    }

    /** The service's digest of the log as it stands, locked in the home region's bucket. */
    String digest() {
        return new LogDigests(log, store, at, Duration.ofDays(30), clock).run();
    }

    @Override
    public void close() {
        store.close();
        raw.close();
    }

    // ---- packs ----

    static Map<String, byte[]> members(Path zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                out.put(e.getName(), in.readAllBytes());
            }
        }
        return out;
    }

    static Path write(Path zip, Map<String, byte[]> members) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (var m : members.entrySet()) {
                out.putNextEntry(new ZipEntry(m.getKey()));
                out.write(m.getValue());
                out.closeEntry();
            }
        }
        return zip;
    }

    /** The byte in the middle of a member, XOR 1 (an ASCII byte stays ASCII). */
    static byte[] flipped(byte[] b) {
        byte[] c = b.clone();
        c[c.length / 2] ^= 1;
        return c;
    }

    /** A MANIFEST.sha256 recomputed for the members as they now are: what a careful tamperer would write. */
    static byte[] recomputedManifest(Map<String, byte[]> members) {
        StringBuilder lines = new StringBuilder();
        members.forEach((name, bytes) -> {
            if (!name.equals(PackLayout.MANIFEST)) {
                lines.append(com.recguard.archive.Digests.sha256Hex(bytes)).append("  ").append(name).append('\n');
            }
        });
        String body = lines.toString();
        return (body + PackLayout.MANIFEST_TRAILER + com.recguard.archive.Digests.sha256Hex(body.getBytes(StandardCharsets.UTF_8))
                + "\n").getBytes(StandardCharsets.UTF_8);
    }

    record Verdict(int code, List<String> lines, Set<String> findings) {
        /** Findings as "CODE member". */
        boolean names(String member) {
            return findings.stream().anyMatch(f -> f.endsWith(" " + member));
        }
    }

    static Verdict java(Path zip) throws Exception {
        try {
            PackVerifier.Report r = new PackVerifier(new com.recguard.json.EvidenceJson()).verify(zip);
            Set<String> f = new TreeSet<>();
            r.findings().forEach(x -> f.add(x.code() + " " + x.member()));
            List<String> lines = new ArrayList<>();
            r.findings().forEach(x -> lines.add(x.toString()));
            return new Verdict(r.clean() ? 0 : 1, lines, f);
        } catch (PackVerifier.UnreadablePackException e) {
            return new Verdict(2, List.of(e.getMessage()), Set.of());
        }
    }

    /** Runs {@code python3 verify.py PACK} (the script as shipped in a pack) and reads its findings. */
    static Verdict python(Path script, Path zip) throws Exception {
        Process p = new ProcessBuilder("python3", script.toString(), zip.toString()).redirectErrorStream(true).start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = p.getInputStream()) {
            in.transferTo(out);
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("verify.py did not finish");
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        Set<String> f = new TreeSet<>();
        for (String l : lines) {
            if (l.matches("[A-Z_]+ \\S.*: .*") && !l.startsWith("anchor ")) {
                f.add(l.substring(0, l.indexOf(": ")));
            }
        }
        return new Verdict(p.exitValue(), lines, f);
    }

    static String sha256(byte[] b) {
        return HexFormat.of().formatHex(com.recguard.archive.Digests.newSha256().digest(b));
    }

    static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }
}
