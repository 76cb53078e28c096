package com.recguard.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recguard.servers.S3Server;
import com.recguard.servers.TestBuckets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The archive contract on an S3 server, plus what only S3 has: a bucket's default retention,
 * which preflight requires in COMPLIANCE mode. {@code raw} is a plain SDK client for doing what
 * recguard never does.
 */
abstract class S3ArchiveContract extends ArchiveContract {

    S3Client raw;

    @Override
    abstract S3Server target();

    @BeforeEach
    void rawClient() {
        raw = target().rawClient();
    }

    @AfterEach
    void closeRawClient() {
        if (raw != null) {
            raw.close();
        }
    }

    @Test
    void refuses_a_bucket_without_default_retention() {
        TestBuckets.lockedWithoutDefaultRetention(raw, at.bucket());
        assertThatThrownBy(() -> archive("c-nodefault", false)).isInstanceOf(ArchiveException.class)
                .hasMessageContaining("no default retention").hasMessageContaining("put-object-lock-configuration");
        assertThat(versions("c-nodefault")).isEmpty();
    }

    @Test
    void refuses_a_bucket_whose_default_retention_is_governance() {
        TestBuckets.governance(raw, at.bucket());
        assertThatThrownBy(() -> archive("c-gov", false)).isInstanceOf(ArchiveException.class)
                .hasMessageContaining("default retention GOVERNANCE").hasMessageContaining("COMPLIANCE is required");
        assertThat(versions("c-gov")).isEmpty();
    }
}
