package com.recguard.adapter.s3;

import java.net.URI;
import java.util.Map;

/**
 * Endpoint, region and credentials from the standard AWS environment variables:
 * {@code AWS_ENDPOINT_URL_S3} (else {@code AWS_ENDPOINT_URL}), {@code AWS_REGION} (else
 * {@code AWS_DEFAULT_REGION}, else us-east-1), {@code AWS_ACCESS_KEY_ID} and
 * {@code AWS_SECRET_ACCESS_KEY} (else the SDK's default chain: profiles, instance roles…).
 * With an endpoint set, addressing is path-style and every bucket is on that one endpoint.
 */
public record S3Settings(URI endpoint, String region, String accessKeyId, String secretAccessKey) {

    public static S3Settings fromEnv(Map<String, String> env) {
        String endpoint = first(env, "AWS_ENDPOINT_URL_S3", "AWS_ENDPOINT_URL");
        String region = first(env, "AWS_REGION", "AWS_DEFAULT_REGION");
        return new S3Settings(endpoint == null ? null : URI.create(endpoint), region == null ? "us-east-1" : region,
                first(env, "AWS_ACCESS_KEY_ID"), first(env, "AWS_SECRET_ACCESS_KEY"));
    }

    private static String first(Map<String, String> env, String... names) {
        for (String n : names) {
            String v = env.get(n);
            if (v != null && !v.isBlank()) {
                return v.strip();
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return "S3 " + (endpoint == null ? "(AWS)" : endpoint) + " region " + region;
    }
}
