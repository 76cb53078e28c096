package com.recguard.archive;

/**
 * Refuses a bucket that cannot keep records unalterable (MiFID II Delegated Regulation Art. 72),
 * before anything is written to it. Each refusal says what to fix. There is no fallback to an
 * unlocked write.
 */
public final class Preflight {

    private Preflight() {}

    public static void check(Location at, BucketLock lock) {
        if (lock.target() == BucketLock.Target.AZURE_BLOB) {
            checkAzure(at, lock);
            return;
        }
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

    /**
     * An Azure container must exist with version-level immutability support: only then does each
     * blob version accept the locked time-based policy and the legal hold recguard sets on it.
     */
    private static void checkAzure(Location at, BucketLock lock) {
        String c = at.bucket();
        if (!lock.exists()) {
            throw new ArchiveException("container " + c + " does not exist (region " + at.region() + "). Create it with"
                    + " version-level immutability support: az storage container-rm create --storage-account ACCOUNT"
                    + " --resource-group GROUP --name " + c + " --enable-vlw (see docs/archive.md, Azure); or map the"
                    + " region to an existing immutable container with --bucket " + at.region() + "=NAME.");
        }
        if (!lock.objectLockEnabled()) {
            throw new ArchiveException("container " + c + " does not have version-level immutability support, so its"
                    + " blobs cannot carry a locked immutability policy or a legal hold and could be overwritten or"
                    + " deleted; nothing was written. Use a container created with --enable-vlw (az storage"
                    + " container-rm create ... --enable-vlw), or migrate this one: az storage container-rm migrate-vlw"
                    + " --storage-account ACCOUNT --resource-group GROUP --name " + c
                    + " (the account needs blob versioning: az storage account blob-service-properties update"
                    + " --enable-versioning true).");
        }
    }
}
