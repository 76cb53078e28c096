package com.recguard.facts;

import com.recguard.model.RecordingStop;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * How much of the staff {@code interact} time the usable recordings cover. Computed in Java
 * because interval arithmetic does not belong in DRL; which pauses explain a gap is the rules'
 * call, so they pass their approved stops to {@link #unexplainedMs}.
 *
 * @param interactMs   length of the union of staff interact segments
 * @param uncovered    the parts of that time no usable recording covers, sorted, disjoint
 * @param conversationEnd where an open-ended stop ends
 */
public record Coverage(long interactMs, List<Span> uncovered, Instant conversationEnd) {

    public record Span(Instant start, Instant end) {
        public long millis() {
            return Math.max(0, end.toEpochMilli() - start.toEpochMilli());
        }
    }

    public Coverage {
        uncovered = List.copyOf(uncovered);
    }

    public long uncoveredMs() {
        return uncovered.stream().mapToLong(Span::millis).sum();
    }

    /** Uncovered time that none of the given stops (or pauses) explains. */
    public long unexplainedMs(Collection<?> approvedStops) {
        List<Span> pauses = new ArrayList<>();
        for (Object o : approvedStops) {
            RecordingStop s = o instanceof ApprovedStop a ? a.stop() : (RecordingStop) o;
            Instant end = s.resumedAt() != null ? s.resumedAt() : conversationEnd;
            if (s.at() != null && end != null && end.isAfter(s.at())) {
                pauses.add(new Span(s.at(), end));
            }
        }
        return Spans.measure(Spans.subtract(uncovered, Spans.union(pauses)));
    }
}
