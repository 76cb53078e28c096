package com.recguard.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import com.recguard.config.AuditFinding;
import com.recguard.config.BucketState;
import com.recguard.config.ConfigSnapshot;
import com.recguard.json.ConfigSnapshotJson;
import com.recguard.rules.RulePack;
import com.recguard.servers.MotoServer;
import com.recguard.servers.Processes;
import com.recguard.servers.SharedServers;
import com.recguard.service.ConfigAudit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/archive.md's bucket set-up, followed as written: its shell block is run with the AWS CLI
 * against moto_server (only the bucket names get a per-run prefix, so runs do not collide), the
 * buckets are recorded the way {@code recguard audit} records them, and the configuration audit
 * finds nothing wrong with any of them.
 */
class ArchiveDocsSetupTest {

    @TempDir
    Path tmp;

    @Test
    void the_documented_bucket_set_up_passes_every_bucket_check_of_the_configuration_audit() throws Exception {
        Path aws = Processes.find("aws", List.of()).orElse(null);
        Assumptions.assumeTrue(aws != null, "the AWS CLI is not installed here; the documented set-up is a shell script for it");
        MotoServer moto = SharedServers.moto();
        String prefix = "docs-" + UUID.randomUUID().toString().substring(0, 8);

        String script = setUpBlock().replace("recguard-archive-", prefix + "-");
        Path file = tmp.resolve("set-up.sh");
        Files.writeString(file, "set -euo pipefail\n" + script);
        ProcessBuilder pb = new ProcessBuilder("bash", file.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("set-up.log").toFile());
        pb.environment().putAll(Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString(),
                "AWS_ACCESS_KEY_ID", moto.accessKey(), "AWS_SECRET_ACCESS_KEY", moto.secretKey(),
                "AWS_CONFIG_FILE", tmp.resolve("no-config").toString(),
                "AWS_SHARED_CREDENTIALS_FILE", tmp.resolve("no-credentials").toString()));
        Process p = pb.start();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("the set-up runs; output: " + Files.readString(tmp.resolve("set-up.log"))).isZero();

        RulePack pack = RulePack.loadConfig(TestPaths.RULES);
        ConfigSnapshot compliantOrg = ConfigSnapshotJson.read(Path.of("fixtures-config/orgs/compliant.json"));
        Map<String, BucketState> buckets = new TreeMap<>();
        try (S3BucketInspector inspector = new S3BucketInspector(new S3Settings(moto.endpoint(), "us-east-1",
                moto.accessKey(), moto.secretKey()))) {
            for (String region : List.of("eu-west-1", "us-east-1")) {
                buckets.put(prefix + "-" + region, inspector.describe(prefix + "-" + region, region));
            }
        }
        ConfigAudit audit = new ConfigAudit(pack);
        ConfigSnapshot snapshot = new ConfigSnapshot(Instant.parse("2026-03-06T17:00:00Z"), compliantOrg.genesys(), buckets,
                audit.recguardSettings());
        // evaluated as `recguard audit` does: from the snapshot as written
        List<AuditFinding> findings = audit.evaluate(ConfigSnapshotJson.parse(ConfigSnapshotJson.write(snapshot))).findings();

        assertThat(findings).as("findings about the documented buckets")
                .filteredOn(f -> f.subject().startsWith(prefix) || f.code().startsWith("BUCKET_")
                        || f.code().equals("NO_ARCHIVE_BUCKET_FOR_REGION"))
                .isEmpty();
    }

    /** The first bash block of section 1, "Setting up a bucket". */
    private static String setUpBlock() throws Exception {
        String doc = Files.readString(Path.of("docs/archive.md"));
        String section = doc.substring(doc.indexOf("## 1. Setting up a bucket"), doc.indexOf("## 2. "));
        Matcher m = Pattern.compile("```bash\\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertThat(m.find()).as("docs/archive.md section 1 has a bash block").isTrue();
        return m.group(1);
    }
}
