package com.recguard.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.adapter.s3.S3ObjectStore;
import com.recguard.adapter.s3.S3Settings;
import com.recguard.archive.Location;
import com.recguard.adapter.file.DecisionLogFile;
import com.recguard.servers.S3Server;
import com.recguard.servers.SharedServers;
import com.recguard.servers.TestBuckets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/** The decision log's head is anchored as a locked object in a real S3 server (moto, else Ceph). */
class LogDigestsTest {

    @TempDir
    Path tmp;

    @Test
    void the_head_of_the_log_is_written_locked_once_per_growth() throws Exception {
        S3Server server = SharedServers.any();
        S3Settings s3 = new S3Settings(server.endpoint(), "us-east-1", server.accessKey(), server.secretKey());
        String bucket = "digests-" + UUID.randomUUID().toString().substring(0, 8);
        try (S3Client admin = S3ObjectStore.newClient(s3, "us-east-1")) {
            TestBuckets.locked(admin, bucket);
        }
        DecisionLogFile log = new DecisionLogFile(tmp.resolve("decisions.log"));
        try (S3ObjectStore store = new S3ObjectStore(s3)) {
            Location at = new Location("us-east-1", bucket);
            LogDigests digests = new LogDigests(log, store, at, Duration.ofDays(2557), Clock.systemUTC());
            assertThat(digests.run()).as("empty log").isNull();

            log.append("{}", "sha256:p", List.of("REC-001"), "{\"d\":1}");
            var second = log.append("{}", "sha256:p", List.of("REC-001"), "{\"d\":2}");
            String key = digests.run();
            assertThat(key).isEqualTo(LogDigests.PREFIX + "000000000002.json");
            assertThat(digests.run()).as("unchanged log").isNull();
            var stored = store.head(at, key, null).orElseThrow();
            assertThat(stored.lockMode()).isEqualTo("COMPLIANCE");
            assertThat(new String(store.get(at, key, null).readAllBytes())).contains("\"hash\":\"" + second.hash() + "\"");

            log.append("{}", "sha256:p", List.of(), "{\"d\":3}");
            assertThat(digests.run()).isEqualTo(LogDigests.PREFIX + "000000000003.json");
        }
    }
}
