package com.recguard.facts;

import com.recguard.facts.Coverage.Span;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Interval arithmetic on time spans: union, subtraction, length. */
public final class Spans {
    private Spans() {}

    public static List<Span> union(List<Span> spans) {
        List<Span> sorted = new ArrayList<>(spans);
        sorted.removeIf(s -> !s.end().isAfter(s.start()));
        sorted.sort(Comparator.comparing(Span::start));
        List<Span> out = new ArrayList<>();
        for (Span s : sorted) {
            if (!out.isEmpty() && !s.start().isAfter(out.get(out.size() - 1).end())) {
                Span last = out.remove(out.size() - 1);
                out.add(new Span(last.start(), max(last.end(), s.end())));
            } else {
                out.add(s);
            }
        }
        return out;
    }

    /** Parts of {@code from} (disjoint, sorted) not inside any span of {@code minus} (disjoint, sorted). */
    public static List<Span> subtract(List<Span> from, List<Span> minus) {
        List<Span> out = new ArrayList<>();
        for (Span s : from) {
            Instant cursor = s.start();
            for (Span m : minus) {
                if (!m.end().isAfter(cursor) || !m.start().isBefore(s.end())) {
                    continue;
                }
                if (m.start().isAfter(cursor)) {
                    out.add(new Span(cursor, m.start()));
                }
                cursor = max(cursor, m.end());
                if (!cursor.isBefore(s.end())) {
                    break;
                }
            }
            if (cursor.isBefore(s.end())) {
                out.add(new Span(cursor, s.end()));
            }
        }
        return out;
    }

    public static long measure(List<Span> spans) {
        return spans.stream().mapToLong(Span::millis).sum();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
