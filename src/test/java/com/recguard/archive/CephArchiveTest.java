package com.recguard.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recguard.servers.S3Server;
import com.recguard.servers.SharedServers;
import com.recguard.servers.TestBuckets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The archive contract on Ceph radosgw (scripts/ceph-s3.sh), plus Ceph's strict WORM behaviour:
 * the server itself refuses a shortened COMPLIANCE date and a wrong Content-MD5; and its
 * If-None-Match does not stop a second version on a versioned bucket, which is why the archiver
 * looks before it writes.
 */
class CephArchiveTest extends S3ArchiveContract {

    /** Started on first use; a skip (with why) happens per test, so reports count the skipped tests. */
    @Override
    S3Server target() {
        return SharedServers.ceph();
    }

    @Test
    void the_server_refuses_to_shorten_a_compliance_retention() {
        TestBuckets.locked(raw, at.bucket());
        archive("c-ceph-short", false);
        String key = Keys.media("c-ceph-short", "r-1");
        StoredObject o = head(key);

        assertThatThrownBy(() -> raw.putObjectRetention(b -> b.bucket(at.bucket()).key(key).versionId(o.versionId())
                .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(Instant.parse("2027-01-01T00:00:00Z")))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThat(head(key).retainUntil()).isEqualTo(o.retainUntil());
    }

    @Test
    void the_server_rejects_a_wrong_content_md5() {
        TestBuckets.locked(raw, at.bucket());
        byte[] body = "audio".getBytes(StandardCharsets.UTF_8);
        Content other = Content.ofBytes("other".getBytes(StandardCharsets.UTF_8), "audio/wav");
        assertThatThrownBy(() -> raw.putObject(b -> b.bucket(at.bucket()).key("x").contentMD5(other.md5Base64()),
                RequestBody.fromBytes(body)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    void if_none_match_alone_would_let_a_second_version_in_but_a_retry_writes_nothing() {
        TestBuckets.locked(raw, at.bucket());
        byte[] body = "once".getBytes(StandardCharsets.UTF_8);
        String md5 = Content.ofBytes(body, "text/plain").md5Base64();
        raw.putObject(b -> b.bucket(at.bucket()).key("probe").ifNoneMatch("*").contentMD5(md5), RequestBody.fromBytes(body));
        raw.putObject(b -> b.bucket(at.bucket()).key("probe").ifNoneMatch("*").contentMD5(md5), RequestBody.fromBytes(body));
        assertThat(store.versions(at, "probe")).as("Ceph 16 accepts the second If-None-Match PUT").hasSize(2);

        archive("c-ceph-retry", false);
        int count = versions("c-ceph-retry").size();
        ArchiveReport again = archive("c-ceph-retry", false);
        assertThat(again.createdCount()).isZero();
        assertThat(versions("c-ceph-retry")).hasSize(count);
    }
}
