package com.recguard.servers;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;

/** Test buckets made the way an operator would (docs/archive.md), or deliberately not. */
public final class TestBuckets {

    private TestBuckets() {}

    /** Object Lock on, default retention COMPLIANCE for one day: what preflight accepts. */
    public static void locked(S3Client s3, String bucket) {
        s3.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
        defaultRetention(s3, bucket, ObjectLockRetentionMode.COMPLIANCE);
    }

    public static void lockedWithoutDefaultRetention(S3Client s3, String bucket) {
        s3.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
    }

    public static void governance(S3Client s3, String bucket) {
        s3.createBucket(b -> b.bucket(bucket).objectLockEnabledForBucket(true));
        defaultRetention(s3, bucket, ObjectLockRetentionMode.GOVERNANCE);
    }

    public static void plain(S3Client s3, String bucket) {
        s3.createBucket(b -> b.bucket(bucket));
    }

    private static void defaultRetention(S3Client s3, String bucket, ObjectLockRetentionMode mode) {
        s3.putObjectLockConfiguration(b -> b.bucket(bucket).objectLockConfiguration(c -> c
                .objectLockEnabled(ObjectLockEnabled.ENABLED)
                .rule(r -> r.defaultRetention(d -> d.mode(mode).days(1)))));
    }
}
