package com.recguard.model;

import java.time.Instant;

/** A stop or pause from {@code at} to {@code resumedAt} (to the end of the conversation when absent). */
public record RecordingStop(Instant at, Instant resumedAt, String by, String justification) {

    public boolean justified() {
        return justification != null && !justification.isBlank();
    }
}
