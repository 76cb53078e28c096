package com.recguard.config;

/**
 * An archive bucket as S3 described it.
 *
 * @param archiveRegion the region recguard archives to in this bucket
 * @param exists        false when HEAD bucket answered 404
 * @param location      GetBucketLocation (us-east-1 for the empty constraint)
 * @param versioning    Enabled, Suspended, or null when never enabled
 * @param objectLock    Object Lock enabled on the bucket
 * @param defaultMode   COMPLIANCE, GOVERNANCE, or null without default retention
 * @param defaultDays   default retention in days, when given in days
 * @param defaultYears  default retention in years, when given in years
 * @param policy        the bucket policy document (JSON text), or null without one
 * @param error         why the bucket could not be described (403, unreachable), or null
 * @param sampledRecordings exported recordings listed (keys not ending _metadata.json), null when not sampled
 * @param withoutMetadata the sampled recordings with no {@code <recordingId>_metadata.json} beside them
 */
public record BucketState(String archiveRegion, boolean exists, String location, String versioning, boolean objectLock,
        String defaultMode, Integer defaultDays, Integer defaultYears, String policy, String error,
        Integer sampledRecordings, java.util.List<String> withoutMetadata) {

    public BucketState {
        withoutMetadata = withoutMetadata == null ? java.util.List.of() : java.util.List.copyOf(withoutMetadata);
    }

    /** Without an export sample (a bucket described before sampling existed, or not sampled). */
    public BucketState(String archiveRegion, boolean exists, String location, String versioning, boolean objectLock,
            String defaultMode, Integer defaultDays, Integer defaultYears, String policy, String error) {
        this(archiveRegion, exists, location, versioning, objectLock, defaultMode, defaultDays, defaultYears, policy, error,
                null, null);
    }

    public static BucketState missing(String archiveRegion) {
        return new BucketState(archiveRegion, false, null, null, false, null, null, null, null, null);
    }

    public static BucketState unreadable(String archiveRegion, String error) {
        return new BucketState(archiveRegion, false, null, null, false, null, null, null, null, error);
    }

    /** Default retention in days; years count 365.25 days, rounded up (7 years = 2,557 days). 0 without one. */
    public int defaultRetentionDays() {
        if (defaultDays != null) {
            return defaultDays;
        }
        return defaultYears == null ? 0 : (int) Math.ceil(defaultYears * 365.25);
    }
}
