package com.recguard.archive;

/**
 * The outcome of a conditional write: the new version, or {@code created == false} when an
 * object already had that key (HTTP 412 on {@code If-None-Match: *}) and nothing was written.
 */
public record PutResult(boolean created, String versionId) {

    public static PutResult exists() {
        return new PutResult(false, null);
    }
}
