package com.recguard.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import com.recguard.adapter.file.HoldRegisterFile;
import com.recguard.model.Bundle;
import com.recguard.model.Conversation;
import com.recguard.model.LegalHold;
import com.recguard.store.Store;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two service instances, each with its own connection and node name, share one database and
 * race over the same events: each event is decided exactly once, and the decision log is one
 * chain. Run on SQLite and on PostgreSQL.
 */
abstract class TwoNodesContract {

    static final int EVENTS = 40;

    @TempDir
    Path tmp;

    abstract Store open() throws Exception;

    Map<String, AtomicInteger> gathers = new ConcurrentHashMap<>();
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T10:00:00Z"));
    Bundle fixture = ServiceTest.fixtureUnchecked("fixtures/conversations/clean-uk-advisory-call.json");

    ConversationSource source = new ConversationSource() {
        @Override
        public Bundle gather(String id, Instant at, List<LegalHold> holds) {
            gathers.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            var c = fixture.conversation();
            return new Bundle(new Conversation(id, c.conversationStart(), c.conversationEnd(), c.originatingDirection(), c.participants()),
                    fixture.recordings(), fixture.recordingStops(), fixture.ivr(), fixture.transcript(), holds, at, fixture.settled());
        }

        @Override
        public List<String> conversationsEndedBetween(Instant from, Instant to) {
            return List.of();
        }
    };

    RecguardService node(Store store, String name) throws Exception {
        ActionHandler none = new ActionHandler() {
            public Set<String> types() {
                return Set.of();
            }

            public void execute(ActionTask task) {}
        };
        return new RecguardService(store, new PackHolder(TestPaths.RULES, null), source, List.of(none),
                new HoldRegisterFile(tmp.resolve("holds-" + name + ".json"), clock),
                new com.recguard.adapter.file.DecisionLogFile(tmp.resolve("decisions-" + name + ".log")), clock, ServiceEvents.NONE,
                RecguardService.Settings.defaults(name));
    }

    @Test
    void two_nodes_on_one_database_decide_each_event_once_in_one_log_chain() throws Exception {
        try (Store s1 = open(); Store s2 = open()) {
            for (int i = 0; i < EVENTS; i++) {
                s1.journal("http", "t", "c-" + i, ServiceTest.event("c-" + i, "customer.end"), Store.EventStatus.ACCEPTED, null,
                        clock.instant());
            }
            RecguardService n1 = node(s1, "node-1");
            RecguardService n2 = node(s2, "node-2");
            CyclicBarrier together = new CyclicBarrier(2);
            List<Throwable> errors = new ArrayList<>();
            Thread[] threads = new Thread[2];
            RecguardService[] nodes = {n1, n2};
            for (int t = 0; t < 2; t++) {
                RecguardService n = nodes[t];
                threads[t] = new Thread(() -> {
                    try {
                        together.await();
                        while (n.processDue() > 0) {
                            // next batch
                        }
                    } catch (Throwable e) {
                        synchronized (errors) {
                            errors.add(e);
                        }
                    }
                });
                threads[t].start();
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(errors).isEmpty();
            assertThat(s1.count("journal", "PROCESSED")).isEqualTo(EVENTS);
            assertThat(s1.dueEvents(clock.instant(), 100)).isEmpty();
            List<String> decided = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                decided.add(s1.latestDecision("c-" + i) == null ? "none" : "one");
            }
            assertThat(decided).containsOnly("one");
            List<com.recguard.audit.LogEntry> chain = s1.logEntriesAfter(0, 1000);
            assertThat(chain).as("one decision-log entry per event, one chain").hasSize(EVENTS);
            assertThat(com.recguard.audit.ChainCheck.problems(chain)).isEmpty();
            assertThat(chain.stream().map(e -> e.decision()).distinct()).hasSize(EVENTS);
            long decisions = chain.size();
            assertThat(decisions).isEqualTo(EVENTS);
        }
    }

    @Test
    void a_node_whose_claim_expired_and_was_taken_over_writes_nothing() throws Exception {
        try (Store s1 = open(); Store s2 = open()) {
            Instant t0 = clock.instant();
            long e = s1.journal("http", "t", "c-x", "{}", Store.EventStatus.ACCEPTED, null, t0);
            assertThat(s1.claimEvent(e, "node-1", t0, t0.plusSeconds(300))).isTrue();
            assertThat(s2.claimEvent(e, "node-2", t0.plusSeconds(1), t0.plusSeconds(301))).as("held by node-1").isFalse();
            assertThat(s2.claimEvent(e, "node-2", t0.plusSeconds(301), t0.plusSeconds(601))).as("node-1 presumed dead").isTrue();
            Store.Committed late = s1.decided(new Store.Decided(e, "node-1", "c-x", "sha256:p", "{\"d\":1}", "{}", true, List.of(),
                    "{}", List.of(), null, t0.plusSeconds(302)));
            assertThat(late.claimHeld()).isFalse();
            Store.Committed current = s2.decided(new Store.Decided(e, "node-2", "c-x", "sha256:p", "{\"d\":2}", "{}", true, List.of(),
                    "{}", List.of(), null, t0.plusSeconds(303)));
            assertThat(current.claimHeld()).isTrue();
            assertThat(s1.latestDecision("c-x")).isEqualTo("{\"d\":2}");
            assertThat(s1.logEntriesAfter(0, 10)).singleElement().satisfies(x -> assertThat(x.decision()).isEqualTo("{\"d\":2}"));
        }
    }
}
