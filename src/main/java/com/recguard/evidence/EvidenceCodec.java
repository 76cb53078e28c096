package com.recguard.evidence;

import com.recguard.audit.LogEntry;

/**
 * The JSON of the pack's own members and of the decision log (implemented in {@code com.recguard.json}).
 * Reading throws {@link PackFormatException} saying what is wrong.
 */
public interface EvidenceCodec {

    /** The conversation id of a decision-log entry's input (the bundle as evaluated), or null when it names none. */
    String conversationOf(String input);

    /** One decision-log line; {@code input} is null when the line has none (a chain-only entry of the pack). */
    LogEntry readLogLine(String line);

    /** One decision-log line in the log's own format; without {@code input} when {@code withInput} is false. */
    String logLine(LogEntry entry, boolean withInput);

    byte[] versions(ArchiveVersions versions);

    ArchiveVersions readVersions(byte[] json);

    LogDigest readDigest(byte[] json);

    /** The objects and lock date of an archived manifest, reading only those fields. */
    ManifestView readManifest(byte[] json);
}
