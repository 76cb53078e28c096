package com.recguard.archive;

/**
 * A bucket's Object Lock configuration as the store reports it. {@code defaultMode} is null when
 * the bucket has no default retention rule; {@code defaultPeriod} reads like "1 days" or "7 years".
 *
 * <p>For an Azure Blob container ({@code target} {@link Target#AZURE_BLOB}),
 * {@code objectLockEnabled} means version-level immutability support (WORM per blob version);
 * the default policy of a container is not visible on the data plane, so {@code defaultMode} and
 * {@code defaultPeriod} stay null and preflight does not ask for them: every blob recguard writes
 * carries its own locked policy.
 */
public record BucketLock(boolean exists, boolean objectLockEnabled, String defaultMode, String defaultPeriod, Target target) {

    /** Which kind of store answered, so that a refusal names the fix in that store's terms. */
    public enum Target { S3, AZURE_BLOB }

    public BucketLock(boolean exists, boolean objectLockEnabled, String defaultMode, String defaultPeriod) {
        this(exists, objectLockEnabled, defaultMode, defaultPeriod, Target.S3);
    }

    public static BucketLock missing() {
        return new BucketLock(false, false, null, null);
    }

    /** An Azure container: whether it exists and has version-level immutability support. */
    public static BucketLock azureContainer(boolean exists, boolean versionLevelImmutability) {
        return new BucketLock(exists, versionLevelImmutability, null, null, Target.AZURE_BLOB);
    }
}
