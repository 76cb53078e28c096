package com.recguard.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.facts.Coverage.Span;
import com.recguard.model.RecordingStop;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageTest {

    private static Instant t(int seconds) {
        return Instant.parse("2026-03-02T09:00:00Z").plusSeconds(seconds);
    }

    private static Span span(int from, int to) {
        return new Span(t(from), t(to));
    }

    @Test
    void union_merges_overlapping_and_touching_spans() {
        assertThat(Spans.union(List.of(span(10, 20), span(0, 5), span(5, 8), span(15, 30))))
                .containsExactly(span(0, 8), span(10, 30));
    }

    @Test
    void subtract_leaves_the_uncovered_parts() {
        assertThat(Spans.subtract(List.of(span(0, 100)), List.of(span(10, 20), span(50, 200))))
                .containsExactly(span(0, 10), span(20, 50));
        assertThat(Spans.subtract(List.of(span(0, 10)), List.of())).containsExactly(span(0, 10));
        assertThat(Spans.subtract(List.of(span(0, 10)), List.of(span(-5, 15)))).isEmpty();
    }

    @Test
    void approved_pauses_explain_uncovered_time_and_open_pauses_run_to_the_end() {
        Coverage c = new Coverage(100_000, List.of(span(20, 40), span(80, 100)), t(100));
        assertThat(c.uncoveredMs()).isEqualTo(40_000);
        RecordingStop pci = new RecordingStop(t(20), t(40), "agent", "PCI_SECURE_PAUSE");
        assertThat(c.unexplainedMs(List.of(new ApprovedStop(pci, "PCI_SECURE_PAUSE", false)))).isEqualTo(20_000);
        RecordingStop open = new RecordingStop(t(85), null, "flow", "PCI_SECURE_PAUSE");
        assertThat(c.unexplainedMs(List.of(pci, open))).isEqualTo(5_000);
    }
}
