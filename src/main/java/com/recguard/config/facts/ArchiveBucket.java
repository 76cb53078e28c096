package com.recguard.config.facts;

/**
 * An archive bucket as S3 describes it.
 *
 * @param archiveRegion        the region recguard archives to in this bucket (zone-archive-regions.csv)
 * @param region               where the bucket actually is (GetBucketLocation); null when it does not exist
 * @param defaultMode          COMPLIANCE, GOVERNANCE, or null without default retention
 * @param defaultRetentionDays default retention in days (years counted as 365.25 days, rounded up), 0 without
 * @param policyDeniesDelete   a statement of the bucket policy denies s3:DeleteObjectVersion on the
 *                             bucket's objects to every principal, without condition
 * @param recordingsSampled    exported recordings looked at (ListObjectsV2); 0 when none or not sampled
 * @param recordingsWithoutMetadata of those, how many have no {@code <recordingId>_metadata.json} beside them
 * @param exampleWithoutMetadata one such recording's key, null when there is none
 */
public record ArchiveBucket(String name, String archiveRegion, boolean exists, String region, String versioning,
        boolean objectLockEnabled, String defaultMode, int defaultRetentionDays, boolean policyDeniesDelete,
        int recordingsSampled, int recordingsWithoutMetadata, String exampleWithoutMetadata) {}
