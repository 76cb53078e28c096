package com.recguard.adapter.s3;

import com.recguard.archive.BucketLock;
import com.recguard.archive.Content;
import com.recguard.archive.Location;
import com.recguard.archive.ObjectStore;
import com.recguard.archive.ObjectVersion;
import com.recguard.archive.Protection;
import com.recguard.archive.PutResult;
import com.recguard.archive.StoreException;
import com.recguard.archive.StoredObject;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.DefaultRetention;
import software.amazon.awssdk.services.s3.model.GetObjectLockConfigurationResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ObjectLockEnabled;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * {@link ObjectStore} on S3 with Object Lock. Every PUT carries {@code If-None-Match: *}, the
 * COMPLIANCE mode and date, the legal hold when asked, {@code x-amz-checksum-sha256} and
 * {@code Content-MD5}: servers that verify either (AWS S3, S3Mock; Ceph checks the MD5) reject
 * corrupted uploads. Checksums are sent as given, never computed by the SDK in {@code aws-chunked}
 * trailers, which Ceph 16 rejects ({@code requestChecksumCalculation(WHEN_REQUIRED)}).
 * Single PUTs only: multipart uploads do not get lock headers applied on moto and Ceph, so a
 * media object is limited to S3's single-PUT maximum of 5 GB.
 */
public final class S3ObjectStore implements ObjectStore {

    private final S3Settings settings;
    private final Map<String, S3Client> clients = new ConcurrentHashMap<>();

    public S3ObjectStore(S3Settings settings) {
        this.settings = settings;
    }

    public static S3ObjectStore fromEnv(Map<String, String> env) {
        return new S3ObjectStore(S3Settings.fromEnv(env));
    }

    public S3Settings settings() {
        return settings;
    }

    /**
     * The client for a region. With an endpoint override there is one server, and requests are
     * signed with the configured region; on AWS each archive region gets its own client.
     */
    S3Client client(Location at) {
        String region = settings.endpoint() != null ? settings.region() : at.region();
        return clients.computeIfAbsent(region, r -> newClient(settings, r));
    }

    /** A client configured as this store's; tests use it to try what the store never does. */
    public static S3Client newClient(S3Settings s, String region) {
        AwsCredentialsProvider creds = s.accessKeyId() != null && s.secretAccessKey() != null
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(s.accessKeyId(), s.secretAccessKey()))
                : DefaultCredentialsProvider.builder().build();
        var b = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(creds)
                .httpClientBuilder(Apache5HttpClient.builder().maxConnections(32))
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (s.endpoint() != null) {
            b.endpointOverride(s.endpoint()).forcePathStyle(true);
        }
        return b.build();
    }

    @Override
    public BucketLock bucketLock(Location at) {
        S3Client c = client(at);
        try {
            c.headBucket(r -> r.bucket(at.bucket()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return BucketLock.missing();
            }
            throw failure("HEAD bucket", at, null, e);
        } catch (SdkClientException e) {
            throw unreachable(e);
        }
        GetObjectLockConfigurationResponse cfg;
        try {
            cfg = c.getObjectLockConfiguration(r -> r.bucket(at.bucket()));
        } catch (S3Exception e) {
            if ("ObjectLockConfigurationNotFoundError".equals(code(e)) || e.statusCode() == 404) {
                return new BucketLock(true, false, null, null);
            }
            throw failure("GET object lock configuration", at, null, e);
        } catch (SdkClientException e) {
            throw unreachable(e);
        }
        var conf = cfg.objectLockConfiguration();
        boolean enabled = conf != null && conf.objectLockEnabled() == ObjectLockEnabled.ENABLED;
        DefaultRetention dr = conf == null || conf.rule() == null ? null : conf.rule().defaultRetention();
        String mode = dr == null ? null : dr.modeAsString();
        String period = dr == null ? null : dr.days() != null ? dr.days() + " days" : dr.years() != null ? dr.years() + " years" : null;
        return new BucketLock(true, enabled, mode, period);
    }

    @Override
    public PutResult putIfAbsent(Location at, String key, Content content, Protection protection) {
        PutObjectRequest req = PutObjectRequest.builder()
                .bucket(at.bucket())
                .key(key)
                .ifNoneMatch("*")
                .contentLength(content.size())
                .contentType(content.contentType())
                .contentMD5(content.md5Base64())
                .checksumSHA256(content.sha256Base64())
                .objectLockMode(ObjectLockMode.COMPLIANCE)
                .objectLockRetainUntilDate(protection.retainUntil())
                .objectLockLegalHoldStatus(protection.legalHold() ? ObjectLockLegalHoldStatus.ON : ObjectLockLegalHoldStatus.OFF)
                .build();
        RequestBody body = content.file() != null ? RequestBody.fromFile(content.file()) : RequestBody.fromBytes(content.bytes());
        try {
            PutObjectResponse r = client(at).putObject(req, body);
            return new PutResult(true, r.versionId());
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return PutResult.exists();
            }
            throw failure("PUT", at, key, e);
        } catch (SdkClientException e) {
            throw unreachable(e);
        }
    }

    @Override
    public Optional<StoredObject> head(Location at, String key, String versionId) {
        HeadObjectResponse r;
        try {
            r = client(at).headObject(b -> b.bucket(at.bucket()).key(key).versionId(versionId)
                    .checksumMode(ChecksumMode.ENABLED));
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || e.statusCode() == 405) {
                return Optional.empty();
            }
            throw failure("HEAD", at, key, e);
        } catch (SdkClientException e) {
            throw unreachable(e);
        }
        if (Boolean.TRUE.equals(r.deleteMarker())) {
            return Optional.empty();
        }
        return Optional.of(new StoredObject(key, r.versionId(), r.contentLength() == null ? -1 : r.contentLength(),
                r.objectLockModeAsString(), r.objectLockRetainUntilDate(),
                r.objectLockLegalHoldStatus() == ObjectLockLegalHoldStatus.ON, r.checksumSHA256()));
    }

    @Override
    public InputStream get(Location at, String key, String versionId) {
        return call("GET", at, key, () -> client(at).getObject(b -> b.bucket(at.bucket()).key(key).versionId(versionId)));
    }

    @Override
    public Opened open(Location at, String key, String versionId) {
        var in = call("GET", at, key, () -> client(at).getObject(b -> b.bucket(at.bucket()).key(key).versionId(versionId)));
        var r = in.response();
        return new Opened(new StoredObject(key, r.versionId(), r.contentLength() == null ? -1 : r.contentLength(),
                r.objectLockModeAsString(), r.objectLockRetainUntilDate(),
                r.objectLockLegalHoldStatus() == ObjectLockLegalHoldStatus.ON, r.checksumSHA256()), in);
    }

    @Override
    public List<ObjectVersion> versions(Location at, String prefix) {
        return call("LIST versions", at, prefix, () -> {
            List<ObjectVersion> out = new ArrayList<>();
            for (var page : client(at).listObjectVersionsPaginator(b -> b.bucket(at.bucket()).prefix(prefix))) {
                page.versions().forEach(v -> out.add(new ObjectVersion(v.key(), v.versionId(), Boolean.TRUE.equals(v.isLatest()), false)));
                page.deleteMarkers().forEach(m -> out.add(new ObjectVersion(m.key(), m.versionId(), Boolean.TRUE.equals(m.isLatest()), true)));
            }
            out.sort(Comparator.comparing(ObjectVersion::key).thenComparing(v -> !v.latest()));
            return out;
        });
    }

    @Override
    public void setLegalHold(Location at, String key, String versionId, boolean on) {
        call(on ? "PUT legal hold ON" : "PUT legal hold OFF", at, key, () -> client(at).putObjectLegalHold(b -> b
                .bucket(at.bucket()).key(key).versionId(versionId)
                .legalHold(h -> h.status(on ? ObjectLockLegalHoldStatus.ON : ObjectLockLegalHoldStatus.OFF))));
    }

    @Override
    public boolean extendRetention(Location at, String key, String versionId, Instant until) {
        // HEAD, not GetObjectRetention: moto 5 does not implement the latter, and HEAD says the same.
        StoredObject o = head(at, key, versionId).orElseThrow(() -> new StoreException(
                "cannot extend the retention of " + at + " " + key + ": no such object version", 404, null));
        Instant current = o.retainUntil();
        String mode = o.lockMode();
        if (current != null && until.isBefore(current)) {
            throw new StoreException("refused to shorten the retention of " + at + " " + key + " from " + current
                    + " to " + until + ": retention can only be extended");
        }
        if (current != null && until.equals(current) && Protection.MODE.equals(mode)) {
            return false;
        }
        call("PUT retention", at, key, () -> client(at).putObjectRetention(b -> b.bucket(at.bucket()).key(key)
                .versionId(versionId).retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(until))));
        return true;
    }

    @Override
    public void close() {
        clients.values().forEach(S3Client::close);
        clients.clear();
    }

    private <T> T call(String op, Location at, String key, Supplier<T> s) {
        try {
            return s.get();
        } catch (S3Exception e) {
            throw failure(op, at, key, e);
        } catch (SdkClientException e) {
            throw unreachable(e);
        }
    }

    private static String code(S3Exception e) {
        return e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
    }

    private static StoreException failure(String op, Location at, String key, S3Exception e) {
        String what = op + " s3://" + at.bucket() + (key == null ? "" : "/" + key);
        String code = code(e);
        String msg = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorMessage();
        return new StoreException(what + ": HTTP " + e.statusCode() + (code == null ? "" : " " + code)
                + (msg == null ? "" : ": " + msg), e.statusCode(), e);
    }

    private StoreException unreachable(SdkClientException e) {
        return new StoreException("cannot reach " + settings + ": " + e.getMessage(), 0, e);
    }
}
