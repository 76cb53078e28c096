package com.recguard.servers;

import com.recguard.adapter.s3.S3ObjectStore;
import com.recguard.adapter.s3.S3Settings;
import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.services.s3.S3Client;

/** A real S3 server started by a test on 127.0.0.1 and a free port. */
public interface S3Server extends AutoCloseable {

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

    default S3ObjectStore store() {
        return new S3ObjectStore(settings());
    }

    /** A plain SDK client, configured like the store's, for doing what recguard never does. */
    default S3Client rawClient() {
        return S3ObjectStore.newClient(settings(), "us-east-1");
    }

    @Override
    void close();
}
