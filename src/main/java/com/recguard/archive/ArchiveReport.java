package com.recguard.archive;

import java.util.List;

/** What one archive run did, object by object, for the operator's log. */
public record ArchiveReport(String conversationId, Location location, Status status, List<Written> objects,
                            List<String> notes) {

    public enum Status {
        /** This run wrote the manifest: the conversation is now archived. */
        ARCHIVED,
        /** The manifest was already there; holds and retention were brought up to the decision. */
        ALREADY_ARCHIVED,
        /** The decision asks for no archive. */
        NOT_ARCHIVED
    }

    /** One object: written by this run ({@code created}) or found in place with the same SHA-256. */
    public record Written(String kind, String key, boolean created, long size, String sha256) {}

    public ArchiveReport {
        objects = List.copyOf(objects);
        notes = List.copyOf(notes);
    }

    public long createdCount() {
        return objects.stream().filter(Written::created).count();
    }
}
