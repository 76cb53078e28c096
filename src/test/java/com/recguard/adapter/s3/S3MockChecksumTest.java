package com.recguard.adapter.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recguard.archive.Content;
import com.recguard.archive.Location;
import com.recguard.archive.Protection;
import com.recguard.archive.PutResult;
import com.recguard.archive.StoreException;
import com.recguard.servers.S3MockServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The checksums the store sends are ones a server can verify: S3Mock (the one local server that
 * checks x-amz-checksum-sha256) rejects a body that does not match, and keeps the SHA-256 of one
 * that does. S3Mock enforces no Object Lock, so only checksums are tested here.
 */
class S3MockChecksumTest {

    static S3MockServer s3mock;
    static S3ObjectStore store;
    static S3Client raw;
    static final Location AT = new Location("us-east-1", "checksums");
    static final Protection LOCK = new Protection(Instant.parse("2033-03-03T00:00:00Z"), false);

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() {
        var why = S3MockServer.unavailable();
        Assumptions.assumeTrue(why.isEmpty(), () -> "S3Mock skipped: " + why.orElse(""));
        s3mock = S3MockServer.start();
        store = s3mock.store();
        raw = s3mock.rawClient();
        raw.createBucket(b -> b.bucket(AT.bucket()));
    }

    @AfterAll
    static void stop() {
        if (s3mock != null) {
            store.close();
            raw.close();
            s3mock.close();
        }
    }

    @Test
    void the_server_keeps_the_sha256_the_store_sent() {
        Content c = Content.ofBytes("recording bytes".getBytes(StandardCharsets.UTF_8), "audio/wav");
        assertThat(store.putIfAbsent(AT, "ok", c, LOCK).created()).isTrue();
        assertThat(store.head(AT, "ok", null).orElseThrow().sha256Base64()).isEqualTo(c.sha256Base64());
    }

    @Test
    void media_that_changed_after_hashing_is_rejected_by_the_server() throws Exception {
        Path f = Files.writeString(tmp.resolve("r-1.wav"), "original audio");
        Content hashed = Content.ofFile(f, "audio/wav");
        Files.writeString(f, "tampered audio");

        assertThatThrownBy(() -> store.putIfAbsent(AT, "changed", hashed, LOCK))
                .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.status()).isEqualTo(400));
        assertThat(store.head(AT, "changed", null)).isEmpty();
    }

    @Test
    void a_wrong_sha256_alone_is_rejected() {
        Content other = Content.ofBytes("other".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThatThrownBy(() -> raw.putObject(b -> b.bucket(AT.bucket()).key("wrong-sha").checksumSHA256(other.sha256Base64()),
                RequestBody.fromString("body")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    void a_second_write_to_a_key_is_refused_and_the_first_kept() {
        Content first = Content.ofBytes("first".getBytes(StandardCharsets.UTF_8), "text/plain");
        Content second = Content.ofBytes("second".getBytes(StandardCharsets.UTF_8), "text/plain");
        assertThat(store.putIfAbsent(AT, "once", first, LOCK).created()).isTrue();
        assertThat(store.putIfAbsent(AT, "once", second, LOCK)).isEqualTo(PutResult.exists());
        assertThat(store.head(AT, "once", null).orElseThrow().sha256Base64()).isEqualTo(first.sha256Base64());
    }
}
