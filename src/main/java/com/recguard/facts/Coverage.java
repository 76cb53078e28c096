package com.recguard.facts;

import com.recguard.model.Recording;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The spans behind RECORDING_GAP (POLICY.md 3), measured in Java because interval arithmetic does
 * not belong in DRL. Which recordings count and which pauses explain a gap is the rules' call, so
 * they pass their usable recordings and approved stops to {@link #unexplainedMs}.
 *
 * @param interact   the union of staff interact segments, sorted and disjoint
 * @param recordings the span each recording covers: its times, else its session's span, else the
 *                   whole conversation (POLICY.md 1)
 * @param stops      every recording stop's span; time inside a stop is never covered
 */
public record Coverage(List<Span> interact, List<Covered> recordings, List<Span> stops) {

    public record Span(Instant start, Instant end) {
        public long millis() {
            return Math.max(0, end.toEpochMilli() - start.toEpochMilli());
        }
    }

    /** A recording and the span it covers. */
    public record Covered(Recording recording, Span span) {}

    public Coverage {
        interact = List.copyOf(interact);
        recordings = List.copyOf(recordings);
        stops = List.copyOf(stops);
    }

    public long interactMs() {
        return Spans.measure(interact);
    }

    /**
     * Staff interact time that the given usable recordings do not cover (stop time never counts as
     * covered), less what the given approved stops explain: each from its start, up to its code's
     * {@code maxPauseMs}.
     */
    public long unexplainedMs(Collection<?> usableRecordings, Collection<?> approvedStops) {
        List<Span> recorded = new ArrayList<>();
        for (Object o : usableRecordings) {
            Recording r = o instanceof UsableRecording u ? u.recording() : (Recording) o;
            recordings.stream().filter(c -> c.recording().equals(r)).forEach(c -> recorded.add(c.span()));
        }
        List<Span> covered = Spans.subtract(Spans.union(recorded), Spans.union(stops));
        List<Span> uncovered = Spans.subtract(interact, covered);
        List<Span> explained = new ArrayList<>();
        for (Object o : approvedStops) {
            ApprovedStop a = (ApprovedStop) o;
            Stop s = a.stop();
            if (s.at() == null || s.until() == null) {
                continue;
            }
            Instant end = s.until();
            if (a.maxPauseMs() != null && s.at().plusMillis(a.maxPauseMs()).isBefore(end)) {
                end = s.at().plusMillis(a.maxPauseMs());
            }
            explained.add(new Span(s.at(), end));
        }
        return Spans.measure(Spans.subtract(uncovered, Spans.union(explained)));
    }
}
