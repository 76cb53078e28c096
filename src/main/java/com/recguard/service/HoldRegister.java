package com.recguard.service;

import com.recguard.model.LegalHold;
import java.util.List;

/** The legal holds in force, kept by the legal team (a file), changed through an audited endpoint. */
public interface HoldRegister {

    List<LegalHold> inForce();

    /** Adds or replaces a hold; {@code who} and {@code why} go to the audit trail. */
    void put(LegalHold hold, String who, String why) throws java.io.IOException;

    /** Releases a hold; returns false when no such hold is in force. */
    boolean release(String holdId, String who, String why) throws java.io.IOException;

    /** A change made through the service: when, put or release, which hold, by whom and why. */
    record Change(java.time.Instant at, String op, String holdId, String who, String why) {}

    /**
     * The changes made through the service, oldest first (the console shows who added each hold
     * and why). A register without an audit trail has none.
     */
    default List<Change> changes() throws java.io.IOException {
        return List.of();
    }
}
