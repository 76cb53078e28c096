package com.recguard.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recguard.servers.MotoServer;
import com.recguard.servers.S3Server;
import com.recguard.servers.SharedServers;
import com.recguard.servers.TestBuckets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * The archive contract on moto_server, plus what only moto lets a test show: it accepts a
 * shortened COMPLIANCE date (the table in shared/reference/local-servers.md), so a test can
 * take retention out of the way and see that the legal hold alone still blocks deletion, and
 * that verify notices the shortened date.
 */
class MotoArchiveTest extends S3ArchiveContract {

    /** Started on first use; a skip (with why) happens per test, so reports count the skipped tests. */
    @Override
    S3Server target() {
        return SharedServers.moto();
    }

    @Test
    void a_legal_hold_blocks_deletion_even_where_retention_no_longer_does() {
        TestBuckets.locked(raw, at.bucket());
        archive("c-hold-del", true);
        String key = Keys.media("c-hold-del", "r-1");
        StoredObject o = head(key);
        // moto, unlike S3 and Ceph, lets a COMPLIANCE date be moved into the past:
        raw.putObjectRetention(b -> b.bucket(at.bucket()).key(key).versionId(o.versionId())
                .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(Instant.parse("2020-01-01T00:00:00Z"))));

        assertThatThrownBy(() -> raw.deleteObject(b -> b.bucket(at.bucket()).key(key).versionId(o.versionId())))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));

        archiver().releaseHold(REGION, "c-hold-del", "test: show that the hold was what blocked it", "test");
        raw.deleteObject(b -> b.bucket(at.bucket()).key(key).versionId(o.versionId()));
        assertThat(store.head(at, key, null)).isEmpty();
    }

    @Test
    void verify_reports_a_shortened_retention() {
        TestBuckets.locked(raw, at.bucket());
        archive("c-shortened", false);
        String key = Keys.media("c-shortened", "r-2");
        raw.putObjectRetention(b -> b.bucket(at.bucket()).key(key)
                .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(Instant.parse("2030-01-01T00:00:00Z"))));

        assertThat(new Verifier(store, codec).verify(at, List.of()).findings())
                .extracting(VerifyFinding::key, VerifyFinding::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(key, "RETENTION_TOO_SHORT"));
    }
}
