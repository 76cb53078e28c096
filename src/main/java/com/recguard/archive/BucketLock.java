package com.recguard.archive;

/**
 * A bucket's Object Lock configuration as the store reports it. {@code defaultMode} is null when
 * the bucket has no default retention rule; {@code defaultPeriod} reads like "1 days" or "7 years".
 */
public record BucketLock(boolean exists, boolean objectLockEnabled, String defaultMode, String defaultPeriod) {

    public static BucketLock missing() {
        return new BucketLock(false, false, null, null);
    }
}
