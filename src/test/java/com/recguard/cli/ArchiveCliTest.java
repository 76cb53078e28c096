package com.recguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import com.recguard.archive.Conversations;
import com.recguard.archive.Keys;
import com.recguard.archive.Location;
import com.recguard.archive.ObjectVersion;
import com.recguard.servers.Processes;
import com.recguard.servers.S3Server;
import com.recguard.servers.SharedServers;
import com.recguard.servers.TestBuckets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;

/**
 * {@code recguard archive}, {@code verify} and {@code release-hold} as operators run them, with
 * the endpoint and keys in the standard AWS environment, against a real S3 server (moto, or Ceph
 * where moto cannot be installed). The crash test runs the CLI in a child JVM and kills it.
 */
class ArchiveCliTest {

    static int seq;

    @TempDir
    Path tmp;

    S3Server server;
    S3Client raw;
    String bucket;
    /** The environment every command of a test runs with: the S3 server's and the bucket template. */
    Map<String, String> env;

    @BeforeEach
    void setUp() {
        server = SharedServers.any();
        raw = server.rawClient();
        bucket = "cli-" + ProcessHandle.current().pid() + "-" + (++seq);
        env = new HashMap<>(server.env());
        env.put("RECGUARD_ARCHIVE_BUCKET", bucket + "-{region}");
    }

    @AfterEach
    void tearDown() {
        if (raw != null) {
            raw.close();
        }
    }

    record Run(int code, String out, String err) {}

    Run recguard(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), env);
        return new Run(code, out.toString(), err.toString());
    }

    Path bundle(String id, boolean held) throws Exception {
        return Files.writeString(tmp.resolve(id + ".json"), Conversations.bundleJson(id, held));
    }

    String[] archiveArgs(String id, boolean held) throws Exception {
        Map<String, Path> media = Conversations.media(tmp, id, 1024);
        return new String[] {"archive", "--rules", TestPaths.RULES.toString(), bundle(id, held).toString(),
            "--media", "r-1=" + media.get("r-1"), "--media", "r-2=" + media.get("r-2")};
    }

    List<ObjectVersion> versions(String id) {
        try (var store = server.store()) {
            return store.versions(new Location("eu-west-1", bucket + "-eu-west-1"), Keys.prefix(id));
        }
    }

    @Test
    void archive_then_verify_then_archive_again_writes_nothing_new() throws Exception {
        TestBuckets.locked(raw, bucket + "-eu-west-1");
        Run first = recguard(archiveArgs("cli-a", false));
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("written  media      " + Keys.media("cli-a", "r-1") + "  1024 bytes  sha256:",
                "archived cli-a to s3://" + bucket + "-eu-west-1 (eu-west-1): 6 objects, 6 written by this run");

        Run verify = recguard("verify", "--region", "eu-west-1");
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("verified 1 conversation(s), 6 object(s) in [eu-west-1]: 0 finding(s)");

        Run again = recguard(archiveArgs("cli-a", false));
        assertThat(again.code()).isZero();
        assertThat(again.out()).contains("already archived cli-a");
        assertThat(versions("cli-a")).hasSize(6);
    }

    @Test
    void verify_exits_1_on_a_finding_and_2_when_it_cannot_run() throws Exception {
        TestBuckets.locked(raw, bucket + "-eu-west-1");
        assertThat(recguard(archiveArgs("cli-v", true)).code()).isZero();
        String key = Keys.ivr("cli-v");
        raw.putObjectLegalHold(b -> b.bucket(bucket + "-eu-west-1").key(key).legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)));

        Run findings = recguard("verify", "--region", "eu-west-1", "cli-v");
        assertThat(findings.code()).isEqualTo(1);
        assertThat(findings.out()).contains("LEGAL_HOLD_MISSING cli-v " + key + ": the conversation is held");

        Run noBucket = recguard("verify", "--region", "ap-south-1");
        assertThat(noBucket.code()).isEqualTo(2);
        assertThat(noBucket.err()).contains("bucket " + bucket + "-ap-south-1 does not exist");
    }

    @Test
    void archive_refuses_an_unlocked_bucket_with_exit_2_and_what_to_fix() throws Exception {
        TestBuckets.plain(raw, bucket + "-eu-west-1");
        Run r = recguard(archiveArgs("cli-plain", false));
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("does not have Object Lock enabled", "--object-lock-enabled-for-bucket");
        assertThat(versions("cli-plain")).isEmpty();
    }

    @Test
    void release_hold_needs_a_reason_and_records_it() throws Exception {
        TestBuckets.locked(raw, bucket + "-eu-west-1");
        assertThat(recguard(archiveArgs("cli-h", true)).code()).isZero();

        Run noReason = recguard("release-hold", "cli-h", "--region", "eu-west-1");
        assertThat(noReason.code()).isEqualTo(2);
        assertThat(noReason.err()).contains("Missing required option: '--reason=TEXT'");

        Run r = recguard("release-hold", "cli-h", "--region", "eu-west-1", "--reason", "matter closed", "--by", "legal-ops");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("recorded " + Keys.event("cli-h", 1, "HOLD_RELEASED"),
                "legal hold off on 7 object version(s)");
        assertThat(recguard("verify", "--region", "eu-west-1").code()).isZero();

        Run twice = recguard("release-hold", "cli-h", "--region", "eu-west-1", "--reason", "again");
        assertThat(twice.code()).isZero();
        assertThat(twice.out()).contains("already released");
        assertThat(versions("cli-h")).hasSize(7);
    }


    Process child(String[] args, Map<String, String> extraEnv) throws Exception {
        return child("com.recguard.cli.Main", args, extraEnv);
    }

    Process child(String mainClass, String[] args, Map<String, String> extraEnv) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.timezone=UTC", "-cp", Processes.testClasspath(), mainClass));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().putAll(env);
        pb.environment().putAll(extraEnv);
        return pb.start();
    }

    @Test
    void a_process_killed_between_media_and_manifest_is_completed_by_the_next_run_without_duplicates() throws Exception {
        TestBuckets.locked(raw, bucket + "-eu-west-1");
        String[] args = archiveArgs("cli-crash", false);

        Process first = child(StopBeforeManifest.class.getName(), args, Map.of());
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("PAUSED-BEFORE-MANIFEST")) {
                seen.add(line);
            }
            assertThat(line).as("child output: %s", seen).isEqualTo("PAUSED-BEFORE-MANIFEST cli-crash");
            first.destroyForcibly();
            assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(first.exitValue()).isNotZero();
        assertThat(versions("cli-crash")).extracting(ObjectVersion::key).containsExactly(
                Keys.bundle("cli-crash"), Keys.ivr("cli-crash"), Keys.media("cli-crash", "r-1"),
                Keys.media("cli-crash", "r-2"), Keys.transcript("cli-crash"));
        Run between = recguard("verify", "--region", "eu-west-1", "cli-crash");
        assertThat(between.code()).isEqualTo(1);
        assertThat(between.out()).contains("INCOMPLETE_ARCHIVE cli-crash");

        Process second = child(args, Map.of());
        String out = new String(second.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as(out).isZero();
        assertThat(out).contains("present  media      " + Keys.media("cli-crash", "r-1"),
                "present  media      " + Keys.media("cli-crash", "r-2"), "present  ivr", "present  transcript",
                "written  manifest   " + Keys.manifest("cli-crash"), "6 objects, 1 written by this run");

        List<ObjectVersion> versions = versions("cli-crash");
        assertThat(versions).extracting(ObjectVersion::key).containsExactly(
                Keys.bundle("cli-crash"), Keys.ivr("cli-crash"), Keys.manifest("cli-crash"), Keys.media("cli-crash", "r-1"),
                Keys.media("cli-crash", "r-2"), Keys.transcript("cli-crash"));
        assertThat(versions).allMatch(v -> v.latest() && !v.deleteMarker());
        assertThat(recguard("verify", "--region", "eu-west-1", "cli-crash").code()).isZero();
    }
}
