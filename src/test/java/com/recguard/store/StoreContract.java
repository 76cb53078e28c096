package com.recguard.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.service.Journal.EventStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What every database behind the service must do; run on SQLite and on PostgreSQL. */
abstract class StoreContract {

    static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    /** A connection to the test database; each call opens another connection to the same one. */
    abstract Store open() throws Exception;

    @Test
    void an_event_decided_twice_puts_each_action_in_the_outbox_once() throws Exception {
        try (Store s = open()) {
            long e1 = s.journal("http", "t", "c-1", "{}", EventStatus.ACCEPTED, null, T0);
            long e2 = s.journal("http", "t", "c-1", "{}", EventStatus.ACCEPTED, null, T0);
            List<Store.NewItem> items = List.of(new Store.NewItem("ARCHIVE", "ArchiveActions", "c-1|ARCHIVE|{}|ArchiveActions", "ARCHIVE {}"));
            assertThat(s.decided(e1, "c-1", "sha256:x", "{}", "{}", items, T0)).isEqualTo(1);
            assertThat(s.decided(e2, "c-1", "sha256:x", "{}", "{}", items, T0)).isZero();
            assertThat(s.dueItems(T0, 10)).hasSize(1);
            assertThat(s.dueEvents(T0, 10)).isEmpty();
            assertThat(s.knows("c-1")).isTrue();
            assertThat(s.knows("c-2")).isFalse();
        }
    }

    @Test
    void two_nodes_never_claim_the_same_action_and_an_expired_claim_is_taken_over() throws Exception {
        try (Store node1 = open(); Store node2 = open()) {
            long e = node1.journal("http", "t", "c-9", "{}", EventStatus.ACCEPTED, null, T0);
            node1.decided(e, "c-9", "sha256:x", "{}", "{}",
                    List.of(new Store.NewItem("ALERT", "AlertSink", "c-9|ALERT|{}|AlertSink", "ALERT {}")), T0);
            long id = node2.dueItems(T0, 10).get(0).id();
            assertThat(node1.claim(id, "node-1", T0, T0.plusSeconds(300))).isTrue();
            assertThat(node2.claim(id, "node-2", T0.plusSeconds(1), T0.plusSeconds(301))).isFalse();
            assertThat(node2.dueItems(T0.plusSeconds(1), 10)).as("claimed items are not due elsewhere").isEmpty();
            assertThat(node2.claim(id, "node-2", T0.plusSeconds(301), T0.plusSeconds(601))).as("node-1 crashed").isTrue();
            node2.done(id, T0.plusSeconds(302));
            assertThat(node2.releaseClaims("node-2")).as("nothing pending left to release").isZero();
            assertThat(node1.count("outbox", "DONE")).isEqualTo(1);
        }
    }

    @Test
    void a_restarted_node_takes_back_its_own_claims_at_once() throws Exception {
        try (Store s = open()) {
            long e = s.journal("http", "t", "c-7", "{}", EventStatus.ACCEPTED, null, T0);
            s.decided(e, "c-7", "sha256:x", "{}", "{}",
                    List.of(new Store.NewItem("ALERT", "AlertSink", "c-7|ALERT|{}|AlertSink", "ALERT {}")), T0);
            long id = s.dueItems(T0, 10).get(0).id();
            assertThat(s.claim(id, "node-1", T0, T0.plusSeconds(300))).isTrue();
            assertThat(s.dueItems(T0.plusSeconds(1), 10)).isEmpty();
            assertThat(s.releaseClaims("node-1")).isEqualTo(1);
            assertThat(s.dueItems(T0.plusSeconds(1), 10)).hasSize(1);
        }
    }

    @Test
    void a_dead_action_can_be_replayed_and_a_rejected_event_requeued() throws Exception {
        try (Store s = open()) {
            long e = s.journal("http", "t", "c-3", "{}", EventStatus.ACCEPTED, null, T0);
            s.decided(e, "c-3", "sha256:x", "{}", "{}",
                    List.of(new Store.NewItem("ARCHIVE", "A", "c-3|ARCHIVE|{}|A", "ARCHIVE {}")), T0);
            long id = s.dueItems(T0, 10).get(0).id();
            s.dead(id, 8, "503", T0);
            assertThat(s.items(Store.ItemStatus.DEAD)).singleElement().satisfies(i -> assertThat(i.lastError()).isEqualTo("503"));
            assertThat(s.replay(id, T0)).isTrue();
            assertThat(s.dueItems(T0, 10)).hasSize(1);

            long bad = s.journal("http", null, null, "{", EventStatus.REJECTED, "invalid JSON", T0);
            assertThat(s.requeueEvent(bad, T0)).isTrue();
            assertThat(s.dueEvents(T0, 10)).extracting(Store.Event::id).contains(bad);
        }
    }
}
