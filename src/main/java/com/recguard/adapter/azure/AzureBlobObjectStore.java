package com.recguard.adapter.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobContainerProperties;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobImmutabilityPolicy;
import com.azure.storage.blob.models.BlobImmutabilityPolicyMode;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobListDetails;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import com.azure.storage.blob.specialized.BlobInputStream;
import com.azure.storage.common.StorageSharedKeyCredential;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
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
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@link ObjectStore} on Azure Blob Storage with version-level immutability, with the same
 * semantics as the S3 adapter:
 * <ul>
 *   <li>every Put Blob carries {@code If-None-Match: *}, a <em>locked</em> time-based immutability
 *       policy until the retain-until date ({@code x-ms-immutability-policy-mode: Locked},
 *       {@code x-ms-immutability-policy-until-date}), {@code x-ms-legal-hold}, the SHA-256 as blob
 *       metadata ({@value #SHA256_METADATA}) and {@code Content-MD5}, which the service checks;</li>
 *   <li>a locked policy is reported as lock mode {@value Protection#MODE}: like S3's COMPLIANCE
 *       mode, nobody (the account owner included) can shorten or remove it; an unlocked policy is
 *       reported as GOVERNANCE, which preflight and verify refuse;</li>
 *   <li>retention is only ever extended (Set Blob Immutability Policy, {@code comp=immutabilityPolicies});
 *       legal holds are set and released per version ({@code comp=legalhold}).</li>
 * </ul>
 * Azure has no delete markers: a key whose versions all lost their "current" flag (the base blob
 * was deleted) is listed with a synthetic delete marker, so verify reports it as S3's would.
 * Single Put Blob only (up to 5000 MiB), like the S3 adapter's single PUT.
 */
public final class AzureBlobObjectStore implements ObjectStore {

    /** Blob metadata name of the SHA-256 (base64) computed before upload. */
    public static final String SHA256_METADATA = "sha256";

    /** Refusals by which Azure says a blob exists and is protected: for a create, the key is taken. */
    static final Set<String> IMMUTABLE = Set.of("BlobImmutableDueToPolicy", "BlobImmutableDueToLegalHold");

    private final AzureSettings settings;
    private final BlobServiceClient service;

    public AzureBlobObjectStore(AzureSettings settings) {
        String problem = settings.problem();
        if (problem != null) {
            throw new StoreException("Azure archive target: " + problem);
        }
        this.settings = settings;
        this.service = newClient(settings);
    }

    public static AzureBlobObjectStore fromEnv(Map<String, String> env) {
        return new AzureBlobObjectStore(AzureSettings.fromEnv(env));
    }

    public AzureSettings settings() {
        return settings;
    }

    /** A client configured as this store's; tests use it to try what the store never does. */
    public static BlobServiceClient newClient(AzureSettings s) {
        BlobServiceClientBuilder b = new BlobServiceClientBuilder()
                // Three tries, short delays: a store that is down should fail the run in seconds, not
                // minutes. No per-try timeout (null): a multi-GB Put Blob may take long on a slow link.
                .retryOptions(new RequestRetryOptions(RetryPolicyType.EXPONENTIAL, 3, (Duration) null,
                        Duration.ofMillis(200), Duration.ofSeconds(2), null));
        if (s.connectionString() != null) {
            b.connectionString(s.connectionString());
            if (s.accountUrl() != null) {
                b.endpoint(s.accountUrl());
            }
        } else {
            b.endpoint(s.accountUrl());
            if (s.accountName() != null && s.accountKey() != null) {
                b.credential(new StorageSharedKeyCredential(s.accountName(), s.accountKey()));
            } else {
                b.sasToken(s.sasToken());
            }
        }
        return b.buildClient();
    }

    private BlobContainerClient container(Location at) {
        return service.getBlobContainerClient(at.bucket());
    }

    private BlobClient blob(Location at, String key, String versionId) {
        BlobClient c = container(at).getBlobClient(key);
        return versionId == null ? c : c.getVersionClient(versionId);
    }

    @Override
    public BucketLock bucketLock(Location at) {
        BlobContainerProperties p;
        try {
            p = container(at).getProperties();
        } catch (HttpResponseException e) {
            if (status(e) == 404) {
                return BucketLock.azureContainer(false, false);
            }
            throw failure("GET container properties", at, null, e);
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
        return BucketLock.azureContainer(true, Boolean.TRUE.equals(p.isImmutableStorageWithVersioningEnabled()));
    }

    @Override
    public PutResult putIfAbsent(Location at, String key, Content content, Protection protection) {
        byte[] md5 = Base64.getDecoder().decode(content.md5Base64());
        BinaryData data = content.file() != null ? BinaryData.fromFile(content.file()) : BinaryData.fromBytes(content.bytes());
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(SHA256_METADATA, content.sha256Base64());
        BlockBlobSimpleUploadOptions options = new BlockBlobSimpleUploadOptions(data)
                .setHeaders(new BlobHttpHeaders().setContentType(content.contentType()).setContentMd5(md5))
                .setContentMd5(md5)
                .setMetadata(metadata)
                .setRequestConditions(new BlobRequestConditions().setIfNoneMatch("*"))
                .setImmutabilityPolicy(lockedUntil(protection.retainUntil()))
                .setLegalHold(protection.legalHold());
        try {
            BlockBlobItem item = container(at).getBlobClient(key).getBlockBlobClient()
                    .uploadWithResponse(options, null, Context.NONE).getValue();
            return new PutResult(true, item.getVersionId());
        } catch (HttpResponseException e) {
            String code = code(e);
            // If-None-Match: * on an existing blob is 409 BlobAlreadyExists (412 ConditionNotMet on some
            // service versions); a protected blob may be refused as immutable first. All mean: taken.
            if (status(e) == 412 || (status(e) == 409
                    && ("BlobAlreadyExists".equals(code) || IMMUTABLE.contains(code)))) {
                return PutResult.exists();
            }
            throw failure("Put Blob", at, key, e);
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    @Override
    public Optional<StoredObject> head(Location at, String key, String versionId) {
        try {
            return Optional.of(stored(key, versionId, blob(at, key, versionId).getProperties()));
        } catch (HttpResponseException e) {
            if (status(e) == 404) {
                return Optional.empty();
            }
            throw failure("Get Blob Properties", at, key, e);
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    @Override
    public InputStream get(Location at, String key, String versionId) {
        return call("Get Blob", at, key, () -> blob(at, key, versionId).openInputStream());
    }

    @Override
    public Opened open(Location at, String key, String versionId) {
        BlobInputStream in = call("Get Blob", at, key, () -> blob(at, key, versionId).openInputStream());
        return new Opened(stored(key, versionId, in.getProperties()), in);
    }

    @Override
    public List<ObjectVersion> versions(Location at, String prefix) {
        return call("List Blobs (versions)", at, prefix, () -> {
            List<ObjectVersion> out = new ArrayList<>();
            Map<String, Boolean> hasCurrent = new LinkedHashMap<>();
            ListBlobsOptions o = new ListBlobsOptions().setPrefix(prefix)
                    .setDetails(new BlobListDetails().setRetrieveVersions(true));
            for (BlobItem b : container(at).listBlobs(o, null)) {
                // Without blob versioning (Azurite, or an account where it is off) there is one
                // unversioned blob per key, and it is the current one.
                boolean current = b.getVersionId() == null || Boolean.TRUE.equals(b.isCurrentVersion());
                out.add(new ObjectVersion(b.getName(), b.getVersionId(), current, false));
                hasCurrent.merge(b.getName(), current, Boolean::logicalOr);
            }
            hasCurrent.forEach((key, current) -> {
                if (!current) {
                    out.add(new ObjectVersion(key, null, true, true));
                }
            });
            out.sort(Comparator.comparing(ObjectVersion::key).thenComparing(v -> !v.latest()));
            return out;
        });
    }

    @Override
    public void setLegalHold(Location at, String key, String versionId, boolean on) {
        call(on ? "Set Legal Hold true" : "Set Legal Hold false", at, key,
                () -> blob(at, key, versionId).setLegalHold(on));
    }

    @Override
    public boolean extendRetention(Location at, String key, String versionId, Instant until) {
        StoredObject o = head(at, key, versionId).orElseThrow(() -> new StoreException(
                "cannot extend the retention of " + where(at, key) + ": no such blob version", 404, null));
        Instant current = o.retainUntil();
        if (current != null && until.isBefore(current)) {
            throw new StoreException("refused to shorten the retention of " + where(at, key) + " from " + current
                    + " to " + until + ": retention can only be extended");
        }
        if (current != null && until.equals(current) && Protection.MODE.equals(o.lockMode())) {
            return false;
        }
        call("Set Blob Immutability Policy", at, key, () -> blob(at, key, versionId).setImmutabilityPolicy(lockedUntil(until)));
        return true;
    }

    @Override
    public void close() {
        // The sync clients hold no resources of their own; the shared HTTP client lives for the JVM.
    }

    static BlobImmutabilityPolicy lockedUntil(Instant until) {
        return new BlobImmutabilityPolicy().setExpiryTime(OffsetDateTime.ofInstant(until, ZoneOffset.UTC))
                .setPolicyMode(BlobImmutabilityPolicyMode.LOCKED);
    }

    /** Locked is Azure's COMPLIANCE: no one can shorten or remove it; unlocked can be, like GOVERNANCE. */
    static String lockMode(BlobImmutabilityPolicy p) {
        if (p == null || p.getPolicyMode() == null || p.getExpiryTime() == null) {
            return null;
        }
        if (BlobImmutabilityPolicyMode.LOCKED.equals(p.getPolicyMode())) {
            return Protection.MODE;
        }
        if (BlobImmutabilityPolicyMode.UNLOCKED.equals(p.getPolicyMode())) {
            return "GOVERNANCE";
        }
        return null;
    }

    private static StoredObject stored(String key, String versionId, BlobProperties p) {
        BlobImmutabilityPolicy policy = p.getImmutabilityPolicy();
        String mode = lockMode(policy);
        Instant until = mode == null ? null : policy.getExpiryTime().toInstant();
        Map<String, String> meta = p.getMetadata();
        return new StoredObject(key, p.getVersionId() != null ? p.getVersionId() : versionId, p.getBlobSize(), mode, until,
                Boolean.TRUE.equals(p.hasLegalHold()), meta == null ? null : meta.get(SHA256_METADATA));
    }

    private <T> T call(String op, Location at, String key, Supplier<T> s) {
        try {
            return s.get();
        } catch (HttpResponseException e) {
            throw failure(op, at, key, e);
        } catch (StoreException e) {
            throw e;
        } catch (RuntimeException e) {
            throw unreachable(e);
        }
    }

    private static int status(HttpResponseException e) {
        return e.getResponse() == null ? 0 : e.getResponse().getStatusCode();
    }

    /** Azure's error code: parsed by the SDK, else the {@code x-ms-error-code} header. */
    private static String code(HttpResponseException e) {
        if (e instanceof BlobStorageException b && b.getErrorCode() != null) {
            return b.getErrorCode().toString();
        }
        return e.getResponse() == null ? null : e.getResponse().getHeaderValue("x-ms-error-code");
    }

    private static String where(Location at, String key) {
        return "azure://" + at.bucket() + (key == null ? "" : "/" + key) + " (" + at.region() + ")";
    }

    /**
     * A refusal, named by operation, blob, status and Azure's error code; the two immutability
     * refusals also say what they mean, since an operator reads them in a failed run's log.
     */
    static StoreException failure(String op, Location at, String key, HttpResponseException e) {
        String code = code(e);
        String why = "BlobImmutableDueToPolicy".equals(code)
                ? " (the blob version is under an immutability policy: it cannot be changed or deleted until the policy expires)"
                : "BlobImmutableDueToLegalHold".equals(code)
                ? " (the blob version is under a legal hold: it cannot be changed or deleted until the hold is released)"
                : "";
        String msg = e instanceof BlobStorageException b ? b.getServiceMessage() : null;
        if (msg != null) {
            msg = msg.lines().findFirst().orElse(msg);
        }
        return new StoreException(op + " " + where(at, key) + ": HTTP " + status(e)
                + (code == null ? "" : " " + code) + why + (msg == null || msg.isBlank() ? "" : ": " + msg),
                status(e), e);
    }

    private StoreException unreachable(RuntimeException e) {
        return new StoreException("cannot reach " + settings + ": " + e.getMessage(), 0, e);
    }
}
