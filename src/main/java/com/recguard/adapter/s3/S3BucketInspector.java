package com.recguard.adapter.s3;

import com.recguard.config.BucketState;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DefaultRetention;
import software.amazon.awssdk.services.s3.model.ObjectLockConfiguration;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Describes an archive bucket for the configuration audit: where it is, versioning, Object Lock
 * (mode and default retention), the bucket policy, and a sample of the exported recordings with
 * their {@code <recordingId>_metadata.json}. Reads only; a bucket that cannot be read (403,
 * unreachable) is described as unreadable with why, never as compliant.
 *
 * <p>A bucket in another region than the client's answers 301 with {@code x-amz-bucket-region}; it
 * is then read with a client for that region. HeadBucket and ListObjectsV2 need {@code s3:ListBucket}.
 */
public final class S3BucketInspector implements AutoCloseable {

    /** Objects listed per bucket to find exported recordings and their metadata files. */
    static final int SAMPLE_KEYS = 1000;
    private static final String METADATA_SUFFIX = "_metadata.json";

    private final S3Settings settings;
    private final Map<String, S3Client> clients = new ConcurrentHashMap<>();

    public S3BucketInspector(S3Settings settings) {
        this.settings = settings;
    }

    public BucketState describe(String bucket, String archiveRegion) {
        String region = settings.endpoint() != null ? settings.region() : archiveRegion;
        S3Client c = client(region);
        try {
            try {
                c.headBucket(b -> b.bucket(bucket));
            } catch (S3Exception e) {
                if (e.statusCode() == 404) {
                    return BucketState.missing(archiveRegion);
                }
                if (e.statusCode() == 403) {
                    return BucketState.unreadable(archiveRegion, "HTTP 403 on HeadBucket: the credentials need s3:ListBucket on arn:aws:s3:::"
                            + bucket + " (and s3:GetBucket*, s3:GetBucketObjectLockConfiguration, s3:GetBucketPolicy; docs/config-audit.md)");
                }
                String home = e.statusCode() == 301 ? bucketRegion(e) : null;
                if (home == null || home.equals(region)) {
                    throw e;
                }
                // the bucket lives in another region: every further call goes to that region
                c = client(home);
                c.headBucket(b -> b.bucket(bucket));
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
            List<String> recordings = new ArrayList<>();
            Set<String> metadata = new HashSet<>();
            for (S3Object o : c.listObjectsV2(b -> b.bucket(bucket).maxKeys(SAMPLE_KEYS)).contents()) {
                if (o.key().endsWith(METADATA_SUFFIX)) {
                    metadata.add(o.key().substring(0, o.key().length() - METADATA_SUFFIX.length()));
                } else if (o.key().contains("/conversation_id=")) {
                    recordings.add(o.key()); // the export's layout: {org}/year=…/conversation_id={id}/{recordingId}.{ext}
                }
            }
            List<String> without = new ArrayList<>();
            for (String key : recordings) {
                String stem = key.lastIndexOf('.') > key.lastIndexOf('/') ? key.substring(0, key.lastIndexOf('.')) : key;
                if (!metadata.contains(stem)) {
                    without.add(key);
                }
            }
            return new BucketState(archiveRegion, true, location, versioning, lock, mode, days, years, policy, null,
                    recordings.size(), without);
        } catch (S3Exception e) {
            String msg = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
            return BucketState.unreadable(archiveRegion, "HTTP " + e.statusCode() + (code(e) == null ? "" : " " + code(e))
                    + (msg == null ? "" : ": " + msg));
        } catch (SdkClientException e) {
            return BucketState.unreadable(archiveRegion, "cannot reach " + settings + ": " + e.getMessage());
        }
    }

    private S3Client client(String region) {
        return clients.computeIfAbsent(region, r -> S3ObjectStore.newClient(settings, r));
    }

    /** The region a 301 names in its x-amz-bucket-region header, or null. */
    private static String bucketRegion(S3Exception e) {
        if (e.awsErrorDetails() == null || e.awsErrorDetails().sdkHttpResponse() == null) {
            return null;
        }
        return e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("x-amz-bucket-region").orElse(null);
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
