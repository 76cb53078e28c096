package com.recguard.servers;

import com.recguard.adapter.s3.S3ObjectStore;
import com.recguard.adapter.s3.S3Settings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** A real S3 server started by a test on 127.0.0.1 and a free port. */
public interface S3Server extends ArchiveTarget, AutoCloseable {

    @Override
    String name();

    URI endpoint();

    String accessKey();

    String secretKey();

    /** What an operator would export to point recguard at this server. */
    default Map<String, String> env() {
        return Map.of("AWS_ENDPOINT_URL_S3", endpoint().toString(), "AWS_REGION", "us-east-1",
                "AWS_ACCESS_KEY_ID", accessKey(), "AWS_SECRET_ACCESS_KEY", secretKey());
    }

    default S3Settings settings() {
        return S3Settings.fromEnv(env());
    }

    @Override
    default S3ObjectStore store() {
        return new S3ObjectStore(settings());
    }

    /** A plain SDK client, configured like the store's, for doing what recguard never does. */
    default S3Client rawClient() {
        return S3ObjectStore.newClient(settings(), "us-east-1");
    }

    /** moto and Ceph enforce COMPLIANCE delete refusal and legal holds (shared/reference/local-servers.md). */
    @Override
    default Optional<String> locksNotEnforced() {
        return Optional.empty();
    }

    @Override
    default boolean versioned() {
        return true;
    }

    @Override
    default String noLockRefusal() {
        return "does not have Object Lock enabled";
    }

    @Override
    default String createHint() {
        return "--object-lock-enabled-for-bucket";
    }

    @Override
    default Raw raw() {
        S3Client c = rawClient();
        return new Raw() {
            @Override
            public void locked(String bucket) {
                TestBuckets.locked(c, bucket);
            }

            @Override
            public void plain(String bucket) {
                TestBuckets.plain(c, bucket);
            }

            /** Content-MD5: lock buckets require it. */
            @Override
            public void put(String bucket, String key, byte[] bytes) {
                c.putObject(r -> r.bucket(bucket).key(key)
                        .contentMD5(com.recguard.archive.Content.ofBytes(bytes, "text/plain").md5Base64()), RequestBody.fromBytes(bytes));
            }

            @Override
            public void deleteLatest(String bucket, String key) {
                c.deleteObject(b -> b.bucket(bucket).key(key));
            }

            @Override
            public int deleteVersion(String bucket, String key, String versionId) {
                try {
                    return c.deleteObject(b -> b.bucket(bucket).key(key).versionId(versionId)).sdkHttpResponse().statusCode();
                } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                    return e.statusCode();
                }
            }

            @Override
            public void legalHoldOff(String bucket, String key) {
                c.putObjectLegalHold(b -> b.bucket(bucket).key(key).legalHold(h -> h
                        .status(software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus.OFF)));
            }

            @Override
            public void close() {
                c.close();
            }
        };
    }

    @Override
    void close();
}
