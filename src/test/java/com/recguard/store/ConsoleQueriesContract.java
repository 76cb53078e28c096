package com.recguard.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.json.BundleReader;
import com.recguard.json.BundleWriter;
import com.recguard.model.Bundle;
import com.recguard.model.Conversation;
import com.recguard.model.Participant;
import com.recguard.service.ConsoleQueries;
import com.recguard.service.ConsoleQueries.Span;
import com.recguard.service.ConsoleQueries.ViolationFilter;
import com.recguard.service.Journal.EventStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console's read side on each database: the summary is written with the decision, the
 * violation filters narrow in SQL, pages do not overlap, completeness counts each conversation
 * once where it stands now, and rows saved before V3 are back-filled when the store opens.
 */
abstract class ConsoleQueriesContract {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    abstract Store open() throws Exception;

    /** A raw connection to the same database, to play a database written before V3. */
    abstract Connection raw() throws Exception;

    /** A real bundle (a fixture) renamed, started on {@code start}, taken by these agents. */
    static String bundle(String id, Instant start, String... agents) throws Exception {
        Bundle b = BundleReader.read(Files.readString(Path.of("fixtures/conversations/clean-uk-advisory-call.json")));
        List<Participant> people = new java.util.ArrayList<>();
        b.conversation().participants().stream().filter(p -> p.role() != Participant.Role.STAFF).forEach(people::add);
        for (String a : agents) {
            people.add(new Participant("p-" + a, "agent", a, Map.of(), List.of()));
        }
        return BundleWriter.write(new Bundle(new Conversation(id, start, start.plusSeconds(600), "inbound", people),
                b.recordings(), b.recordingStops(), b.ivr(), b.transcript(), b.legalHolds(), start, true));
    }

    static String decision(String id, String zone, String recording, String holdReason, String... codes) {
        StringBuilder v = new StringBuilder();
        for (String c : codes) {
            v.append(v.length() == 0 ? "" : ",").append("{\"code\":\"").append(c).append("\",\"rule\":\"R-").append(c)
                    .append("\",\"detail\":\"").append(c.toLowerCase()).append(" found\"}");
        }
        return "{\"conversationId\":\"" + id + "\",\"recording\":\"" + recording + "\",\"residencyZone\":\"" + zone
                + "\",\"legalHold\":" + (holdReason != null) + ",\"holdReasons\":[" + (holdReason == null ? "" : "\"" + holdReason + "\"")
                + "],\"violations\":[" + v + "],\"actions\":[{\"type\":\"ARCHIVE\"}],\"final\":true}";
    }

    /** Journals an event for the conversation at {@code at} and decides it (final unless told). */
    static long decide(Store s, String id, Instant at, String decision, String bundle, boolean isFinal, String logInput) {
        long e = s.journal("http", "t", id, "{}", EventStatus.ACCEPTED, null, at);
        s.claimEvent(e, "n", at, at.plusSeconds(60));
        s.decided(new Store.Decided(e, "n", id, "sha256:p", decision, bundle, isFinal,
                List.of(new Store.NewItem("ARCHIVE", "ArchiveActions", id + "|ARCHIVE", "ARCHIVE {}")), logInput, List.of("R-1"),
                isFinal ? null : at.plusSeconds(60), at));
        return e;
    }

    @Test
    void the_violation_filters_narrow_in_the_database_and_pages_do_not_overlap() throws Exception {
        try (Store s = open()) {
            decide(s, "c-1", T0, decision("c-1", "UK", "REQUIRED", null, "MISSING_RECORDING"),
                    bundle("c-1", Instant.parse("2026-03-01T09:00:00Z"), "u-dana"), true, null);
            decide(s, "c-2", T0, decision("c-2", "EU", "REQUIRED", null, "UNJUSTIFIED_STOP", "RECORDING_GAP"),
                    bundle("c-2", Instant.parse("2026-03-02T09:00:00Z"), "u-marcus", "u-priya"), true, null);
            decide(s, "c-3", T0, decision("c-3", "UK", "EXEMPT", null), bundle("c-3", Instant.parse("2026-03-02T08:00:00Z"), "u-dana"),
                    true, null);
            ConsoleQueries q = s.console();

            assertThat(q.openViolations(ViolationFilter.ANY, 0, 10)).extracting(ConsoleQueries.OpenViolation::code)
                    .containsExactly("RECORDING_GAP", "UNJUSTIFIED_STOP", "MISSING_RECORDING");
            assertThat(q.openViolations(new ViolationFilter("MISSING_RECORDING", null, null, null, null), 0, 10))
                    .singleElement().satisfies(v -> {
                        assertThat(v.conversationId()).isEqualTo("c-1");
                        assertThat(v.zone()).isEqualTo("UK");
                        assertThat(v.agents()).isEqualTo("u-dana");
                        assertThat(v.rule()).isEqualTo("R-MISSING_RECORDING");
                    });
            assertThat(q.openViolations(new ViolationFilter(null, "EU", null, null, null), 0, 10)).hasSize(2)
                    .allMatch(v -> v.conversationId().equals("c-2"));
            assertThat(q.openViolations(new ViolationFilter(null, null, "u-priya", null, null), 0, 10)).hasSize(2);
            assertThat(q.openViolations(new ViolationFilter(null, null, "u-pri", null, null), 0, 10))
                    .as("an agent is matched whole, not as a prefix").isEmpty();
            assertThat(q.openViolations(new ViolationFilter(null, null, "%", null, null), 0, 10)).as("% is no wildcard").isEmpty();
            LocalDate march1 = LocalDate.parse("2026-03-01");
            assertThat(q.openViolations(new ViolationFilter(null, null, null, march1, march1), 0, 10))
                    .extracting(ConsoleQueries.OpenViolation::conversationId).containsExactly("c-1");
            assertThat(q.openViolations(new ViolationFilter(null, null, null, march1.plusDays(1), null), 0, 10)).hasSize(2);

            var first = q.openViolations(ViolationFilter.ANY, 0, 2);
            var second = q.openViolations(ViolationFilter.ANY, 2, 2);
            assertThat(first).hasSize(2);
            assertThat(second).hasSize(1).doesNotContainAnyElementsOf(first);
            assertThat(q.openViolationCodes()).containsExactly("MISSING_RECORDING", "RECORDING_GAP", "UNJUSTIFIED_STOP");
            assertThat(q.openViolationZones()).containsExactly("EU", "UK");
        }
    }

    @Test
    void a_new_decision_replaces_the_open_violations_and_hold_reasons_of_the_last() throws Exception {
        try (Store s = open()) {
            String b = bundle("c-1", T0, "u-dana");
            decide(s, "c-1", T0, decision("c-1", "UK", "REQUIRED", "HOLD:LH-44", "MISSING_RECORDING"), b, false, null);
            assertThat(s.console().openViolations(ViolationFilter.ANY, 0, 10)).hasSize(1);
            assertThat(s.console().heldBy("HOLD:LH-44")).isEqualTo(1);

            decide(s, "c-1", T0.plusSeconds(60), decision("c-1", "UK", "REQUIRED", "PHRASE:guaranteed return"), b, true, null);
            assertThat(s.console().openViolations(ViolationFilter.ANY, 0, 10)).as("cleared by the later decision").isEmpty();
            assertThat(s.console().heldBy("HOLD:LH-44")).isZero();
            assertThat(s.console().heldBy("PHRASE:guaranteed return")).isEqualTo(1);
        }
    }

    @Test
    void completeness_counts_each_conversation_once_in_the_hour_it_was_first_heard_of() throws Exception {
        try (Store s = open()) {
            Instant h10 = T0;
            Instant h11 = T0.plusSeconds(3600);
            decide(s, "c-final", h10.plusSeconds(5), decision("c-final", "UK", "REQUIRED", null, "MISSING_RECORDING"),
                    bundle("c-final", h10), true, null);
            s.journal("http", "t", "c-final", "{}", EventStatus.ACCEPTED, null, h11.plusSeconds(5)); // a later event: same conversation
            decide(s, "c-exempt", h10.plusSeconds(50), decision("c-exempt", "UK", "EXEMPT", null), bundle("c-exempt", h10), true, null);
            decide(s, "c-prov", h11.plusSeconds(10), decision("c-prov", "UK", "REQUIRED", null), bundle("c-prov", h11), false, null);
            s.journal("sweep", "t", "c-pending", "{}", EventStatus.ACCEPTED, null, h11.plusSeconds(20));
            s.journal("http", "t", "c-rejected", "{}", EventStatus.REJECTED, "unauthenticated", h11.plusSeconds(30));
            long archive = s.dueItems(h11.plusSeconds(3600), 10).stream().filter(i -> i.conversationId().equals("c-final"))
                    .findFirst().orElseThrow().id();
            s.claim(archive, "n", h11, h11.plusSeconds(60));
            s.done(archive, h11);

            List<ConsoleQueries.Bucket> hours = s.console().completeness(Span.HOUR, h10, h11.plusSeconds(3600));
            assertThat(hours).containsExactly(
                    new ConsoleQueries.Bucket(h10, 2, 2, 0, 1, 1, 1, 0),
                    new ConsoleQueries.Bucket(h11, 2, 0, 1, 0, 0, 0, 1));
            assertThat(s.console().completeness(Span.DAY, h10.minusSeconds(36_000), h10.plusSeconds(50_400)))
                    .containsExactly(new ConsoleQueries.Bucket(Instant.parse("2026-03-02T00:00:00Z"), 4, 2, 1, 1, 1, 1, 1));
            assertThat(s.console().completeness(Span.HOUR, h11, h11.plusSeconds(3600))).as("c-final was first heard of at 10:00")
                    .singleElement().satisfies(b -> assertThat(b.seen()).isEqualTo(2));
        }
    }

    @Test
    void a_conversation_shows_its_actions_and_its_newest_decision_log_entry() throws Exception {
        try (Store s = open()) {
            decide(s, "c-1", T0, decision("c-1", "UK", "REQUIRED", null), bundle("c-1", T0), false, "{\"input\":1}");
            decide(s, "c-1", T0.plusSeconds(60), decision("c-1", "UK", "REQUIRED", null), bundle("c-1", T0), true, "{\"input\":2}");
            var log = s.console().latestLogEntry("c-1");
            assertThat(log.seq()).isEqualTo(2);
            assertThat(log.prevHash()).isEqualTo(s.logEntriesAfter(0, 10).get(0).hash());
            assertThat(log.input()).as("the bundle stays out of the page").isNull();
            assertThat(s.console().latestLogEntry("c-other")).isNull();
            assertThat(s.console().actionsOf("c-1")).singleElement()
                    .satisfies(a -> assertThat(a.type() + " " + a.status()).isEqualTo("ARCHIVE PENDING"));
        }
    }

    @Test
    void decisions_saved_before_the_summary_existed_are_back_filled_when_the_store_opens() throws Exception {
        try (Store s = open()) {
            decide(s, "c-old", T0, decision("c-old", "UK", "REQUIRED", "HOLD:LH-1", "MISSING_RECORDING"), bundle("c-old", T0, "u-1"),
                    true, null);
        }
        try (Connection c = raw(); var st = c.createStatement()) { // as a database written by a build before V3
            st.execute("DELETE FROM conversation_summary");
            st.execute("DELETE FROM open_violations");
            st.execute("DELETE FROM conversation_holds");
            st.execute("INSERT INTO decisions (conversation_id, rule_pack, decision, bundle, decided_at, is_final)"
                    + " VALUES ('c-bad', 'sha256:p', '{\"not json', '{}', 0, 1)"); // left out with a warning, not fatal
        }
        try (Store s = open()) {
            assertThat(s.console().openViolations(ViolationFilter.ANY, 0, 10)).extracting(ConsoleQueries.OpenViolation::conversationId)
                    .containsExactly("c-old");
            assertThat(s.console().heldBy("HOLD:LH-1")).isEqualTo(1);
            assertThat(s.console().completeness(Span.DAY, T0.minusSeconds(86_400), T0.plusSeconds(86_400)))
                    .singleElement().satisfies(b -> assertThat(b.decidedFinal()).isEqualTo(1));
        }
    }
}
