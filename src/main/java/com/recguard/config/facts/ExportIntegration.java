package com.recguard.config.facts;

/**
 * An integration of type {@code aws-s3-recording-bulk-actions-integration} (GET /api/v2/integrations,
 * SDK {@code Integration}), the only way Genesys exports recordings to S3; other integration types
 * are not facts.
 *
 * @param enabled {@code intendedState} is ENABLED
 * @param bucket  the S3 bucket of its configuration ({@code /config/current} properties, the property
 *                the type's config schema names for the bucket); null when none was found
 */
public record ExportIntegration(String id, String name, boolean enabled, String bucket) {}
