package com.recguard.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.json.ArchiveJson;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Holds and retention as the manifest and the events after it say. */
class ArchiveStateTest {

    @TempDir
    java.nio.file.Path tmp;

    Manifest manifest(boolean held) {
        var req = Conversations.request("c-state", held, tmp, 16);
        return ArchivePlan.of(req, Buckets.defaults(), new ArchiveJson()).manifest();
    }

    static ArchiveEvent event(String type, List<String> reasons, LocalDate until) {
        return new ArchiveEvent(type, "c-state", Instant.EPOCH, "t", reasons, null, until, null);
    }

    @Test
    void a_release_covers_the_reasons_in_force_and_a_new_reason_holds_again() {
        Map<Integer, ArchiveEvent> events = new TreeMap<>();
        events.put(1, event(ArchiveEvent.HOLD_RELEASED, List.of("PHRASE:guaranteed return"), null));
        ArchiveState s = new ArchiveState(manifest(true), events);
        assertThat(s.held()).isFalse();
        assertThat(s.newReasons(List.of("PHRASE:guaranteed return"))).isEmpty();
        assertThat(s.newReasons(List.of("PHRASE:guaranteed return", "HOLD:LH-9"))).containsExactly("HOLD:LH-9");
        assertThat(s.nextSequence()).isEqualTo(2);

        events.put(2, event(ArchiveEvent.HOLD_APPLIED, List.of("HOLD:LH-9"), null));
        ArchiveState again = new ArchiveState(manifest(true), events);
        assertThat(again.held()).isTrue();
        assertThat(again.activeReasons()).containsExactly("HOLD:LH-9");
    }

    @Test
    void retention_only_grows() {
        Map<Integer, ArchiveEvent> events = new TreeMap<>();
        events.put(1, event(ArchiveEvent.RETENTION_EXTENDED, List.of(), LocalDate.parse("2040-01-01")));
        events.put(2, event(ArchiveEvent.RETENTION_EXTENDED, List.of(), LocalDate.parse("2030-01-01")));
        assertThat(new ArchiveState(manifest(false), events).retainUntil()).isEqualTo(LocalDate.parse("2040-01-01"));
        assertThat(new ArchiveState(manifest(false), Map.of()).retainUntil()).isEqualTo(LocalDate.parse("2033-03-02"));
    }

    @Test
    void the_lock_runs_to_the_end_of_the_retain_until_day() {
        assertThat(Protection.lockInstant(LocalDate.parse("2033-03-02"))).isEqualTo(Instant.parse("2033-03-03T00:00:00Z"));
    }
}
