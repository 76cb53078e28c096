/**
 * The object store port on S3 with Object Lock, through the AWS SDK v2 (sync {@code S3Client},
 * Apache HTTP client). The only package importing the AWS SDK.
 */
package com.recguard.adapter.s3;
