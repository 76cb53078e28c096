package com.recguard.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.facts.Coverage.Span;
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

    private static final com.recguard.model.Recording AUDIO =
            new com.recguard.model.Recording("r-1", "s-2", "audio", "AVAILABLE", null, null, null);

    @Test
    void stop_time_is_never_covered_and_approved_pauses_explain_it_up_to_their_cap() {
        // Interact 0-100 s, recorded throughout, stopped 20-40 s and 85 s to the end.
        Stop pci = new Stop(0, t(20), t(40), "agent", "PCI_SECURE_PAUSE", 20_000);
        Stop open = new Stop(1, t(85), t(100), "flow", "PCI_SECURE_PAUSE", 15_000);
        Coverage c = new Coverage(List.of(span(0, 100)), List.of(new Coverage.Covered(AUDIO, span(0, 100))),
                List.of(span(20, 40), span(85, 100)));
        assertThat(c.interactMs()).isEqualTo(100_000);
        assertThat(c.unexplainedMs(List.of(AUDIO), List.of())).isEqualTo(35_000);
        assertThat(c.unexplainedMs(List.of(AUDIO), List.of(new ApprovedStop(pci, "PCI_SECURE_PAUSE", false, null))))
                .isEqualTo(15_000);
        assertThat(c.unexplainedMs(List.of(AUDIO), List.of(new ApprovedStop(pci, "PCI_SECURE_PAUSE", false, 5_000L),
                new ApprovedStop(open, "PCI_SECURE_PAUSE", false, 5_000L)))).isEqualTo(25_000);
    }

    @Test
    void only_the_recordings_the_rules_call_usable_cover_anything() {
        Coverage c = new Coverage(List.of(span(0, 100)), List.of(new Coverage.Covered(AUDIO, span(0, 100))), List.of());
        assertThat(c.unexplainedMs(List.of(), List.of())).isEqualTo(100_000);
        assertThat(c.unexplainedMs(List.of(new UsableRecording(AUDIO)), List.of())).isZero();
    }
}
