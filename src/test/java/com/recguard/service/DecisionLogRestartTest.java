package com.recguard.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import com.recguard.audit.LogEntry;
import com.recguard.cli.Main;
import com.recguard.json.BundleWriter;
import com.recguard.adapter.file.DecisionLogFile;
import com.recguard.adapter.file.HoldRegisterFile;
import com.recguard.model.Bundle;
import com.recguard.model.Conversation;
import com.recguard.model.LegalHold;
import com.recguard.model.Participant;
import com.recguard.store.Store;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The decision log: one entry per committed decision, chained in the database and exported to
 * the file after the commit; a restart reads only the file's tail and continues the chain, an
 * export repeated adds nothing, and {@code recguard verify-log} finds the chain intact and every
 * entry reproducible from its stored bundle.
 */
class DecisionLogRestartTest {

    @TempDir
    Path tmp;

    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    Bundle fixture = ServiceTest.fixtureUnchecked("fixtures/conversations/clean-uk-advisory-call.json");

    ConversationSource source = new ConversationSource() {
        @Override
        public Bundle gather(String id, Instant at, List<LegalHold> holds) {
            var c = fixture.conversation();
            return new Bundle(new Conversation(id, c.conversationStart(), c.conversationEnd(), c.originatingDirection(), c.participants()),
                    fixture.recordings(), fixture.recordingStops(), fixture.ivr(), fixture.transcript(), holds, at, fixture.settled());
        }

        @Override
        public List<String> conversationsEndedBetween(Instant from, Instant to) {
            return List.of();
        }
    };

    RecguardService start(Store store, Path log) throws Exception {
        RecguardService s = new RecguardService(store, new PackHolder(TestPaths.RULES, null), source, List.of(),
                new HoldRegisterFile(tmp.resolve("holds.json"), clock), new DecisionLogFile(log), clock, ServiceEvents.NONE,
                RecguardService.Settings.defaults("node-1"));
        s.resume();
        return s;
    }

    @Test
    void the_log_is_one_chain_across_a_restart_and_verify_log_reproduces_every_entry() throws Exception {
        Path log = tmp.resolve("decisions.log");
        String db = "jdbc:sqlite:" + tmp.resolve("recguard.db");
        try (Store store = Store.open(db)) {
            RecguardService first = start(store, log);
            store.journal("http", "t", "c-1", ServiceTest.event("c-1", "customer.end"), Store.EventStatus.ACCEPTED, null, clock.instant());
            assertThat(first.processDue()).isEqualTo(1);
        }
        assertThat(Files.readAllLines(log)).hasSize(1);

        try (Store store = Store.open(db)) {
            RecguardService second = start(store, log);
            assertThat(Files.readAllLines(log)).as("the export on restart adds nothing the file has").hasSize(1);
            store.journal("http", "t", "c-2", ServiceTest.event("c-2", "customer.end"), Store.EventStatus.ACCEPTED, null, clock.instant());
            second.processDue();
            second.resume(); // an export repeated (as after a crash between commit and append)
        }
        List<String> lines = Files.readAllLines(log);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).contains("\"seq\":2");

        StringWriter out = new StringWriter();
        int code = Main.run(new String[] {"verify-log", log.toString(), "--rules", TestPaths.RULES.toString()},
                new PrintWriter(out), new PrintWriter(new StringWriter()));
        assertThat(out.toString()).contains("2 entries; chain intact; 2 re-evaluated identically");
        assertThat(code).isZero();
    }

    @Test
    void the_input_hash_does_not_depend_on_the_order_attributes_were_filled_in() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");
        String one = BundleWriter.canonical(withAttributes(ab));
        String two = BundleWriter.canonical(withAttributes(ba));
        assertThat(one).isEqualTo(two).doesNotContain("\n", "\": ", ", \"").startsWith("{\"conversation\":{\"conversationEnd\"");
        assertThat(LogEntry.sha256(one)).isEqualTo(LogEntry.sha256(two));
    }

    Bundle withAttributes(Map<String, String> attributes) {
        var c = fixture.conversation();
        Participant p = c.participants().get(0);
        Participant q = new Participant(p.participantId(), p.purpose(), p.userId(), attributes, p.sessions());
        return new Bundle(new Conversation(c.conversationId(), c.conversationStart(), c.conversationEnd(), c.originatingDirection(),
                List.of(q)), fixture.recordings(), fixture.recordingStops(), fixture.ivr(), fixture.transcript(), List.of(),
                fixture.evaluatedAt(), true);
    }
}
