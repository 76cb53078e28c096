package com.recguard.archive;

/**
 * Refuses a bucket that cannot keep records unalterable (MiFID II Delegated Regulation Art. 72),
 * before anything is written to it. Each refusal says what to fix. There is no fallback to an
 * unlocked write.
 */
public final class Preflight {

    private Preflight() {}

    public static void check(Location at, BucketLock lock) {
        String b = at.bucket();
        if (!lock.exists()) {
            throw new ArchiveException("bucket " + b + " does not exist (region " + at.region() + "). Create it with"
                    + " Object Lock: aws s3api create-bucket --bucket " + b + " --object-lock-enabled-for-bucket"
                    + ", then set a COMPLIANCE default retention (see docs/archive.md); or map the region to an"
                    + " existing locked bucket with --bucket " + at.region() + "=NAME.");
        }
        if (!lock.objectLockEnabled()) {
            throw new ArchiveException("bucket " + b + " does not have Object Lock enabled, so its objects could be"
                    + " overwritten or deleted; nothing was written. Use a bucket created with"
                    + " --object-lock-enabled-for-bucket (or enable Object Lock on this versioned bucket with"
                    + " aws s3api put-object-lock-configuration --bucket " + b + " --object-lock-configuration"
                    + " '{\"ObjectLockEnabled\":\"Enabled\",\"Rule\":{\"DefaultRetention\":{\"Mode\":\"COMPLIANCE\",\"Days\":1}}}').");
        }
        if (lock.defaultMode() == null) {
            throw new ArchiveException("bucket " + b + " has Object Lock but no default retention, so an object written"
                    + " by any other path would be unprotected; nothing was written. Set one: aws s3api"
                    + " put-object-lock-configuration --bucket " + b + " --object-lock-configuration"
                    + " '{\"ObjectLockEnabled\":\"Enabled\",\"Rule\":{\"DefaultRetention\":{\"Mode\":\"COMPLIANCE\",\"Days\":1}}}'.");
        }
        if (!Protection.MODE.equals(lock.defaultMode())) {
            throw new ArchiveException("bucket " + b + " has default retention " + lock.defaultMode()
                    + (lock.defaultPeriod() == null ? "" : " (" + lock.defaultPeriod() + ")")
                    + ", which an administrator can bypass; COMPLIANCE is required. Nothing was written. Change the"
                    + " bucket's default retention mode to COMPLIANCE with aws s3api put-object-lock-configuration"
                    + " --bucket " + b + " (objects already written in GOVERNANCE mode keep it).");
        }
    }
}
