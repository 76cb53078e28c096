package com.recguard.archive;

/** The bucket that holds the archive of one region. */
public record Location(String region, String bucket) {

    @Override
    public String toString() {
        return "s3://" + bucket + " (" + region + ")";
    }
}
