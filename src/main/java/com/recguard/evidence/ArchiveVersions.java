package com.recguard.evidence;

import java.time.Instant;
import java.util.List;

/**
 * {@code archive-versions.json} of one conversation: where it is archived, every version under its
 * prefix with the lock and legal hold read back at {@code readAt}, and the same for the log digest
 * the chain proof ends at. {@code held} and {@code holdReasons} are the archive's hold state then
 * (manifest folded with its events).
 */
public record ArchiveVersions(String conversationId, String region, String bucket, Instant readAt, boolean held,
                              List<String> holdReasons, List<VersionRecord> versions,
                              String digestRegion, String digestBucket, VersionRecord digest) {

    public ArchiveVersions {
        holdReasons = List.copyOf(holdReasons);
        versions = List.copyOf(versions);
    }
}
