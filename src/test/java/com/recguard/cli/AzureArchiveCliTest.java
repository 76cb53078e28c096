package com.recguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.archive.Conversations;
import com.recguard.archive.Keys;
import com.recguard.servers.AzuriteServer;
import com.recguard.servers.SharedServers;
import com.recguard.TestPaths;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code recguard archive}, {@code verify} and {@code release-hold} with
 * {@code RECGUARD_ARCHIVE_TARGET=azure}, the account URL and key in the environment, against
 * Azurite. Azurite keeps no immutability policies, so the commands that must succeed run with the
 * test's lock stand-in around the adapter (what it proves and does not: docs/archive.md); the
 * refusal runs the adapter exactly as production builds it.
 */
class AzureArchiveCliTest {

    static int seq;

    @TempDir
    Path tmp;

    AzuriteServer azurite;
    String container;
    /** The environment every command of a test runs with: Azurite's and the container template. */
    Map<String, String> env;

    @BeforeEach
    void setUp() {
        azurite = SharedServers.azurite();
        container = "cli-" + ProcessHandle.current().pid() + "-" + (++seq);
        env = new HashMap<>(azurite.env());
        env.put("RECGUARD_ARCHIVE_CONTAINER", container + "-{region}");
        env.put("RECGUARD_ARCHIVE_BUCKET", "not-this-one-{region}");
    }

    @AfterEach
    void tearDown() {
        ArchiveOptions.around = s -> s;
    }

    record Run(int code, String out, String err) {}

    Run recguard(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), env);
        return new Run(code, out.toString(), err.toString());
    }

    String[] archiveArgs(String id, boolean held) throws Exception {
        Map<String, Path> media = Conversations.media(tmp, id, 1024);
        Path bundle = Files.writeString(tmp.resolve(id + ".json"), Conversations.bundleJson(id, held));
        return new String[] {"archive", "--rules", TestPaths.RULES.toString(), bundle.toString(),
            "--media", "r-1=" + media.get("r-1"), "--media", "r-2=" + media.get("r-2")};
    }

    @Test
    void archive_writes_media_and_manifest_to_the_region_container_and_verify_reads_them_back_clean() throws Exception {
        try (var raw = azurite.raw()) {
            raw.locked(container + "-eu-west-1");
        }
        ArchiveOptions.around = azurite::withLockStandIn;

        Run first = recguard(archiveArgs("az-a", true));
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("written  media      " + Keys.media("az-a", "r-1") + "  1024 bytes  sha256:",
                "written  manifest   " + Keys.manifest("az-a"), "6 objects, 6 written by this run");

        Run verify = recguard("verify", "--region", "eu-west-1");
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("verified 1 conversation(s), 6 object(s) in [eu-west-1]: 0 finding(s)");

        Run again = recguard(archiveArgs("az-a", true));
        assertThat(again.code()).as(again.err()).isZero();
        assertThat(again.out()).contains("already archived az-a");

        Run release = recguard("release-hold", "az-a", "--region", "eu-west-1", "--reason", "matter closed", "--by", "legal-ops");
        assertThat(release.code()).as(release.out() + release.err()).isZero();
        assertThat(release.out()).contains(Keys.event("az-a", 1, com.recguard.archive.ArchiveEvent.HOLD_RELEASED));
    }

    @Test
    void archive_refuses_a_container_without_version_level_immutability_and_names_the_fix() throws Exception {
        try (var raw = azurite.raw()) {
            raw.plain(container + "-eu-west-1");
        }
        Run r = recguard(archiveArgs("az-plain", false));
        assertThat(r.code()).isEqualTo(Main.CANNOT_RUN);
        assertThat(r.err()).contains("container " + container + "-eu-west-1 does not have version-level immutability support",
                "az storage container-rm migrate-vlw");
    }

    @Test
    void an_unknown_target_or_a_missing_account_url_cannot_run_and_says_which_setting() throws Exception {
        env = Map.of("RECGUARD_ARCHIVE_TARGET", "gcs");
        Run unknown = recguard("verify", "--region", "eu-west-1");
        assertThat(unknown.code()).isEqualTo(Main.CANNOT_RUN);
        assertThat(unknown.err()).contains("RECGUARD_ARCHIVE_TARGET=gcs is not a target: use s3 or azure");

        env = Map.of("RECGUARD_ARCHIVE_TARGET", "azure");
        Run noUrl = recguard("verify", "--region", "eu-west-1");
        assertThat(noUrl.code()).isEqualTo(Main.CANNOT_RUN);
        assertThat(noUrl.err()).contains("AZURE_STORAGE_ACCOUNT_URL is not set");
    }
}
