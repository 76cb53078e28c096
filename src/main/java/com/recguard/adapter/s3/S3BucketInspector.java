package com.recguard.adapter.s3;

import com.recguard.config.BucketState;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DefaultRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Describes an archive bucket for the configuration audit: where it is, versioning, Object Lock
 * (mode and default retention) and the bucket policy. Reads only; a bucket that cannot be read
 * (403, unreachable) is described as unreadable with why, never as compliant.
 */
public final class S3BucketInspector implements AutoCloseable {

    private final S3Settings settings;
    private final Map<String, S3Client> clients = new ConcurrentHashMap<>();

    public S3BucketInspector(S3Settings settings) {
        this.settings = settings;
    }

    public BucketState describe(String bucket, String archiveRegion) {
        String region = settings.endpoint() != null ? settings.region() : archiveRegion;
        S3Client c = clients.computeIfAbsent(region, r -> S3ObjectStore.newClient(settings, r));
        try {
            try {
                c.headBucket(b -> b.bucket(bucket));
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return BucketState.missing(archiveRegion);
                }
                // 301: the bucket is in another region than the client's; GetBucketLocation says where.
                if (e.statusCode() != 301) {
                    throw e;
                }
            }
            String constraint = c.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString();
            String location = constraint == null || constraint.isEmpty() ? "us-east-1" : constraint.equals("EU") ? "eu-west-1" : constraint;
            String versioning = c.getBucketVersioning(b -> b.bucket(bucket)).statusAsString();
            boolean lock = false;
            String mode = null;
            Integer days = null;
            Integer years = null;
            try {
                ObjectLockConfiguration conf = c.getObjectLockConfiguration(b -> b.bucket(bucket)).objectLockConfiguration();
                lock = conf != null && conf.objectLockEnabled() == ObjectLockEnabled.ENABLED;
                DefaultRetention dr = conf == null || conf.rule() == null ? null : conf.rule().defaultRetention();
                if (dr != null) {
                    mode = dr.modeAsString();
                    // moto answers Days 0 beside Years 7; a zero is "not given in this unit".
                    days = dr.days() == null || dr.days() == 0 ? null : dr.days();
                    years = dr.years() == null || dr.years() == 0 ? null : dr.years();
                }
            } catch (S3Exception e) {
                if (!"ObjectLockConfigurationNotFoundError".equals(code(e)) && e.statusCode() != 404) {
                    throw e;
                }
            }
            String policy = null;
            try {
                policy = c.getBucketPolicy(b -> b.bucket(bucket)).policy();
            } catch (S3Exception e) {
                if (!"NoSuchBucketPolicy".equals(code(e)) && e.statusCode() != 404) {
                    throw e;
                }
            }
            return new BucketState(archiveRegion, true, location, versioning, lock, mode, days, years, policy, null);
        } catch (S3Exception e) {
            String msg = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            return BucketState.unreadable(archiveRegion, "HTTP " + e.statusCode() + (code(e) == null ? "" : " " + code(e))
                    + (msg == null ? "" : ": " + msg));
        } catch (SdkClientException e) {
            return BucketState.unreadable(archiveRegion, "cannot reach " + settings + ": " + e.getMessage());
        }
    }

    private static String code(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    @Override
    public void close() {
        clients.values().forEach(S3Client::close);
        clients.clear();
    }
}
