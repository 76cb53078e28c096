package com.recguard.facts;

import java.time.Instant;

/**
 * A recording stop or pause of the bundle, with what Java measured about it: {@code until} is
 * {@code resumedAt} or the end of the conversation, {@code interactOverlapMs} how much of it
 * falls inside staff interact time (POLICY.md 3: a stop that overlaps none is ignored by every
 * rule). {@code index} is its position in the bundle, so two identical stops stay two facts.
 */
public record Stop(int index, Instant at, Instant until, String by, String justification, long interactOverlapMs) {

    public boolean justified() {
        return justification != null && !justification.isBlank();
    }

    public long millis() {
        return at == null || until == null ? 0 : Math.max(0, until.toEpochMilli() - at.toEpochMilli());
    }
}
