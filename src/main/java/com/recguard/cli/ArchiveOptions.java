package com.recguard.cli;

import com.recguard.adapter.s3.S3ObjectStore;
import com.recguard.adapter.s3.S3Settings;
import com.recguard.archive.Buckets;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the archive is: the S3 endpoint and credentials from the standard AWS environment, and
 * the bucket of each region ({@code --bucket REGION=NAME}, else the template in
 * {@code RECGUARD_ARCHIVE_BUCKET}, else {@code recguard-archive-{region}}).
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

    @Option(names = "--bucket", paramLabel = "REGION=BUCKET",
            description = "Bucket of a region (repeatable). Default: $RECGUARD_ARCHIVE_BUCKET with {region}, else recguard-archive-{region}.")
    Map<String, String> buckets = new LinkedHashMap<>();

    Buckets buckets() {
        return new Buckets(env.get("RECGUARD_ARCHIVE_BUCKET"), buckets);
    }

    S3Settings settings() {
        return S3Settings.fromEnv(env);
    }

    S3ObjectStore store() {
        return new S3ObjectStore(settings());
    }
}
