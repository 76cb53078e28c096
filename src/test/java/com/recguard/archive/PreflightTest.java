package com.recguard.archive;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Each refusal names the bucket and says what to run to fix it. */
class PreflightTest {

    static final Location AT = new Location("eu-west-1", "recguard-archive-eu-west-1");

    @Test
    void accepts_a_bucket_with_compliance_default_retention() {
        assertThatCode(() -> Preflight.check(AT, new BucketLock(true, true, "COMPLIANCE", "1 days"))).doesNotThrowAnyException();
    }

    @Test
    void refuses_a_missing_bucket_naming_the_create_command() {
        assertThatThrownBy(() -> Preflight.check(AT, BucketLock.missing()))
                .hasMessageContaining("bucket recguard-archive-eu-west-1 does not exist")
                .hasMessageContaining("aws s3api create-bucket --bucket recguard-archive-eu-west-1 --object-lock-enabled-for-bucket");
    }

    @Test
    void refuses_a_bucket_without_object_lock() {
        assertThatThrownBy(() -> Preflight.check(AT, new BucketLock(true, false, null, null)))
                .hasMessageContaining("does not have Object Lock enabled").hasMessageContaining("nothing was written");
    }

    @Test
    void refuses_a_bucket_without_default_retention() {
        assertThatThrownBy(() -> Preflight.check(AT, new BucketLock(true, true, null, null)))
                .hasMessageContaining("no default retention").hasMessageContaining("\"Mode\":\"COMPLIANCE\"");
    }

    @Test
    void refuses_a_governance_default_retention() {
        assertThatThrownBy(() -> Preflight.check(AT, new BucketLock(true, true, "GOVERNANCE", "30 days")))
                .hasMessageContaining("default retention GOVERNANCE (30 days)")
                .hasMessageContaining("COMPLIANCE is required");
    }

    @Test
    void accepts_an_azure_container_with_version_level_immutability() {
        assertThatCode(() -> Preflight.check(AT, BucketLock.azureContainer(true, true))).doesNotThrowAnyException();
    }

    @Test
    void refuses_a_missing_azure_container_naming_the_create_command() {
        assertThatThrownBy(() -> Preflight.check(AT, BucketLock.azureContainer(false, false)))
                .hasMessageContaining("container recguard-archive-eu-west-1 does not exist")
                .hasMessageContaining("az storage container-rm create").hasMessageContaining("--enable-vlw");
    }

    @Test
    void refuses_an_azure_container_without_version_level_immutability_naming_the_migration() {
        assertThatThrownBy(() -> Preflight.check(AT, BucketLock.azureContainer(true, false)))
                .hasMessageContaining("does not have version-level immutability support")
                .hasMessageContaining("nothing was written")
                .hasMessageContaining("az storage container-rm migrate-vlw")
                .hasMessageContaining("--name recguard-archive-eu-west-1");
    }
}
