package com.recguard.backfill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The back-fill's state on disk: whole listings, durable lines, torn tails ignored. */
class CheckpointTest {

    static final Instant FROM = Instant.parse("2026-07-01T00:00:00Z");
    static final Instant TO = Instant.parse("2026-10-01T00:00:00Z");
    static final LocalDate DAY = LocalDate.of(2026, 7, 2);

    @TempDir
    Path dir;

    @Test
    void aListingComesBackAsWrittenForItsIntervalAndIsRefusedForAnother() throws Exception {
        Checkpoint cp = new Checkpoint(dir);
        assertThat(cp.listing(FROM, TO)).isNull();
        List<ConversationListing.Listed> listed = List.of(new ConversationListing.Listed("c-1", Instant.parse("2026-07-02T10:00:00Z")),
                new ConversationListing.Listed("c-2", Instant.parse("2026-07-03T11:00:00.500Z")));
        cp.saveListing(FROM, TO, listed);
        assertThat(cp.listing(FROM, TO)).isEqualTo(listed);
        assertThat(dir.resolve("listing.tsv.tmp")).doesNotExist();
        assertThatThrownBy(() -> cp.listing(FROM, Instant.parse("2026-08-01T00:00:00Z")))
                .hasMessageContaining("another interval").hasMessageContaining("--state");
    }

    @Test
    void theLastLineOfAConversationWinsSoAFailureDoneAgainIsFinished() throws Exception {
        try (Checkpoint cp = new Checkpoint(dir)) {
            cp.record(Outcome.failed("c-1", DAY, "gathering c-1 failed 8 times:\tHTTP 503\nagain"));
            cp.record(new Outcome("c-2", DAY, Outcome.Status.DECIDED, "RECORDED", true, false, List.of("MISSING_CONSENT"), null));
            assertThat(cp.outcomes().get("c-1").finished()).isFalse();
            assertThat(cp.outcomes().get("c-1").failure()).isEqualTo("gathering c-1 failed 8 times: HTTP 503 again");
            cp.record(new Outcome("c-1", DAY, Outcome.Status.DECIDED, "EXEMPT", false, true, List.of("A", "B"), null));
        }
        var outcomes = new Checkpoint(dir).outcomes();
        assertThat(outcomes).containsOnlyKeys("c-1", "c-2");
        assertThat(outcomes.get("c-1")).isEqualTo(new Outcome("c-1", DAY, Outcome.Status.DECIDED, "EXEMPT", false, true,
                List.of("A", "B"), null));
        assertThat(outcomes.get("c-2").violations()).containsExactly("MISSING_CONSENT");
    }

    @Test
    void aLineTornByAKillIsIgnoredAndTheNextRecordStartsOnANewLine() throws Exception {
        try (Checkpoint cp = new Checkpoint(dir)) {
            cp.record(new Outcome("c-1", DAY, Outcome.Status.DECIDED, "RECORDED", true, false, List.of(), null));
        }
        Files.writeString(dir.resolve("done.tsv"), "c-2\t2026-07-02\tDECI", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Checkpoint cp = new Checkpoint(dir);
        assertThat(cp.outcomes()).containsOnlyKeys("c-1");
        cp.record(new Outcome("c-2", DAY, Outcome.Status.DECIDED, "RECORDED", false, false, List.of(), null));
        cp.close();
        assertThat(new Checkpoint(dir).outcomes()).containsOnlyKeys("c-1", "c-2");
    }

    @Test
    void aDamagedLineIsNamedByFileAndLine() throws Exception {
        Files.writeString(dir.resolve("done.tsv"), "c-1\t2026-07-02\tDECIDED\n");
        assertThatThrownBy(() -> new Checkpoint(dir).outcomes()).hasMessageContaining("done.tsv:1")
                .hasMessageContaining("8 tab-separated fields");
    }
}
