package com.recguard.cli;

import com.recguard.adapter.azure.AzureBlobObjectStore;
import com.recguard.adapter.azure.AzureSettings;
import com.recguard.adapter.s3.S3ObjectStore;
import com.recguard.adapter.s3.S3Settings;
import com.recguard.archive.ArchiveException;
import com.recguard.archive.Buckets;
import com.recguard.archive.ObjectStore;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the archive is. {@code RECGUARD_ARCHIVE_TARGET} chooses the store: {@code s3} (default;
 * endpoint and credentials from the standard AWS environment) or {@code azure} (the storage
 * account from {@code AZURE_STORAGE_ACCOUNT_URL} and its credentials, see {@link AzureSettings}).
 * The bucket or container of each region: {@code --bucket REGION=NAME}, else the template in
 * {@code RECGUARD_ARCHIVE_CONTAINER} (Azure) or {@code RECGUARD_ARCHIVE_BUCKET}, else
 * {@code recguard-archive-{region}} (a valid name for both stores).
 */
final class ArchiveOptions {

    /** The environment the command was given (Main's factory passes it; tests pass a map). */
    final Map<String, String> env;

    ArchiveOptions(Map<String, String> env) {
        this.env = Map.copyOf(env);
    }

    /** For picocli without {@link Main}'s factory (help and usage): the process environment. */
    ArchiveOptions() {
        this(System.getenv());
    }

    /**
     * Identity in production. The Azurite CLI test puts its lock stand-in around the adapter here,
     * since Azurite keeps no immutability policies (docs/archive.md, what is proven where).
     */
    static java.util.function.UnaryOperator<ObjectStore> around = s -> s;

    @Option(names = {"--bucket", "--container"}, paramLabel = "REGION=NAME",
            description = "Bucket (S3) or container (Azure) of a region (repeatable). Default: $RECGUARD_ARCHIVE_CONTAINER"
                    + " (Azure) or $RECGUARD_ARCHIVE_BUCKET with {region}, else recguard-archive-{region}.")
    Map<String, String> buckets = new LinkedHashMap<>();

    boolean azure() {
        String t = env.getOrDefault("RECGUARD_ARCHIVE_TARGET", "s3").strip().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "", "s3" -> false;
            case "azure" -> true;
            default -> throw new ArchiveException("RECGUARD_ARCHIVE_TARGET=" + t + " is not a target: use s3 or azure");
        };
    }

    Buckets buckets() {
        String template = azure() && env.get("RECGUARD_ARCHIVE_CONTAINER") != null
                ? env.get("RECGUARD_ARCHIVE_CONTAINER") : env.get("RECGUARD_ARCHIVE_BUCKET");
        return new Buckets(template, buckets);
    }

    S3Settings settings() {
        return S3Settings.fromEnv(env);
    }

    /** The store of the chosen target; an unknown target or missing Azure settings is an ArchiveException or StoreException. */
    ObjectStore store() {
        return around.apply(azure() ? new AzureBlobObjectStore(AzureSettings.fromEnv(env)) : new S3ObjectStore(settings()));
    }
}
