package com.recguard.servers;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.DeleteSnapshotsOptionType;
import com.recguard.adapter.azure.AzureBlobObjectStore;
import com.recguard.adapter.azure.AzureSettings;
import com.recguard.archive.ObjectStore;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Azurite's blob service (npm {@code azurite}, installed by .ci/install-test-servers) on
 * 127.0.0.1 and a free port, in memory. Azurite stores blobs, metadata and Content-MD5 and
 * honours {@code If-None-Match: *}; it has no blob versioning, no version-level immutability and
 * answers Set Blob Immutability Policy and Set Legal Hold with 501 (its handlers are stubs), so
 * {@link #store()} is the real adapter behind {@link AzuriteLockStandIn}.
 */
public final class AzuriteServer implements ArchiveTarget, AutoCloseable {

    /** Azurite's published development account and key (not a secret: it is in Azurite's README). */
    public static final String ACCOUNT = "devstoreaccount1";
    public static final String KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    static final String WHY_NO_LOCKS = "Azurite does not implement immutability policies or legal holds (Set Blob"
            + " Immutability Policy and Set Legal Hold answer 501; no version-level immutability, no versioning):"
            + " lock and hold assertions are skipped here; AzureLockRequestsTest checks those requests against"
            + " the REST reference and docs/archive.md has the script that proves them on a real account";

    private final int port;
    private final Process process;
    /** Containers made "locked" by tests: what Azurite cannot represent, kept for the stand-in. */
    private final AzuriteLockStandIn.Locks locks = new AzuriteLockStandIn.Locks();

    private AzuriteServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    /** $AZURITE_BLOB, azurite-blob on the PATH, or in npm's global bin. */
    public static Optional<Path> binary() {
        List<String> candidates = new ArrayList<>(Arrays.asList(System.getenv("AZURITE_BLOB"),
                "/usr/local/bin/azurite-blob", "/usr/bin/azurite-blob"));
        String prefix = System.getenv("NPM_CONFIG_PREFIX");
        if (prefix != null) {
            candidates.add(prefix + "/bin/azurite-blob");
        }
        return Processes.find("azurite-blob", candidates);
    }

    public static AzuriteServer start(Path binary) {
        int port = Processes.freePort();
        Path log = Processes.logFile("azurite", port);
        try {
            Process p = new ProcessBuilder(binary.toString(), "--blobHost", "127.0.0.1", "--blobPort", String.valueOf(port),
                    "--inMemoryPersistence", "--extentMemoryLimit", "256",
                    "--loose", "--skipApiVersionCheck", "--disableTelemetry")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            AzuriteServer s = new AzuriteServer(port, p);
            Processes.awaitHttp(URI.create(s.accountUrl() + "?comp=list"), Duration.ofSeconds(60), p, log);
            return s;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String accountUrl() {
        return "http://127.0.0.1:" + port + "/" + ACCOUNT;
    }

    /** What an operator would export to point recguard at this server. */
    public Map<String, String> env() {
        return Map.of("RECGUARD_ARCHIVE_TARGET", "azure", "AZURE_STORAGE_ACCOUNT_URL", accountUrl(),
                "AZURE_STORAGE_ACCOUNT", ACCOUNT, "AZURE_STORAGE_KEY", KEY);
    }

    public AzureSettings settings() {
        return AzureSettings.fromEnv(env());
    }

    @Override
    public String name() {
        return "azurite";
    }

    /** The real adapter, with the locks Azurite cannot keep kept beside it (see {@link AzuriteLockStandIn}). */
    @Override
    public ObjectStore store() {
        return new AzuriteLockStandIn(new AzureBlobObjectStore(settings()), locks);
    }

    /** Any store on this Azurite (e.g. the one the CLI built) behind the lock stand-in. */
    public ObjectStore withLockStandIn(ObjectStore adapter) {
        return new AzuriteLockStandIn(adapter, locks);
    }

    /** The adapter alone, as production builds it: preflight refuses every Azurite container. */
    public AzureBlobObjectStore adapter() {
        return new AzureBlobObjectStore(settings());
    }

    @Override
    public Raw raw() {
        BlobServiceClient c = AzureBlobObjectStore.newClient(settings());
        return new Raw() {
            @Override
            public void locked(String container) {
                c.createBlobContainer(container);
                locks.markLocked(container);
            }

            @Override
            public void plain(String container) {
                c.createBlobContainer(container);
            }

            @Override
            public void put(String container, String key, byte[] bytes) {
                c.getBlobContainerClient(container).getBlobClient(key)
                        .upload(new ByteArrayInputStream(bytes), bytes.length, true);
                locks.forget(container, key);
            }

            @Override
            public void deleteLatest(String container, String key) {
                c.getBlobContainerClient(container).getBlobClient(key).deleteWithResponse(
                        DeleteSnapshotsOptionType.INCLUDE, new BlobRequestConditions(), null, null);
                locks.forget(container, key);
            }

            @Override
            public int deleteVersion(String container, String key, String versionId) {
                var b = c.getBlobContainerClient(container).getBlobClient(key);
                try {
                    return (versionId == null ? b : b.getVersionClient(versionId)).deleteWithResponse(null, null, null, null).getStatusCode();
                } catch (com.azure.storage.blob.models.BlobStorageException e) {
                    return e.getStatusCode();
                }
            }

            @Override
            public void legalHoldOff(String container, String key) {
                c.getBlobContainerClient(container).getBlobClient(key).setLegalHold(false);
            }

            @Override
            public void close() {}
        };
    }

    @Override
    public Optional<String> locksNotEnforced() {
        return Optional.of(WHY_NO_LOCKS);
    }

    @Override
    public boolean versioned() {
        return false;
    }

    @Override
    public String noLockRefusal() {
        return "does not have version-level immutability support";
    }

    @Override
    public String createHint() {
        return "--enable-vlw";
    }

    @Override
    public void close() {
        Processes.stop(process);
    }
}
