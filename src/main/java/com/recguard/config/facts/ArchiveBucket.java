package com.recguard.config.facts;

/**
 * An archive bucket as S3 describes it.
 *
 * @param archiveRegion        the region recguard archives to in this bucket (zone-archive-regions.csv)
 * @param region               where the bucket actually is (GetBucketLocation); null when it does not exist
 * @param defaultMode          COMPLIANCE, GOVERNANCE, or null without default retention
 * @param defaultRetentionDays default retention in days (years counted as 365.25 days, rounded up), 0 without
 * @param policyDeniesDelete   the bucket policy denies object-version deletion (or lock changes) to everyone
 */
public record ArchiveBucket(String name, String archiveRegion, boolean exists, String region, String versioning,
        boolean objectLockEnabled, String defaultMode, int defaultRetentionDays, boolean policyDeniesDelete) {}
