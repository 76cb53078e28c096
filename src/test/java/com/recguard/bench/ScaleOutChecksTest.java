package com.recguard.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.archive.Keys;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scale-out bench's verdict on a run: what counts as lost, as done twice, and as clean. */
class ScaleOutChecksTest {

    static final List<String> SENT = List.of("c-1", "c-2");

    static Map<String, Integer> archived(String... ids) {
        java.util.Map<String, Integer> v = new java.util.HashMap<>();
        for (String id : ids) {
            v.put(Keys.manifest(id), 1);
            v.put(Keys.bundle(id), 1);
        }
        return v;
    }

    @Test
    void aRunWhereEveryConversationIsDecidedAndArchivedOnceIsClean() {
        var checks = new ScaleOutChecks(SENT, Map.of("c-1", 1, "c-2", 1), Map.of("DONE", 6), archived("c-1", "c-2"));

        assertThat(checks.problems()).isEmpty();
    }

    @Test
    void aSecondFinalDecisionIsADuplicate() {
        var checks = new ScaleOutChecks(SENT, Map.of("c-1", 2, "c-2", 1), Map.of("DONE", 6), archived("c-1", "c-2"));

        assertThat(checks.problems()).containsExactly("DUPLICATE: c-1 was decided 2 times");
    }

    @Test
    void aSecondVersionOfAnArchivedKeyIsADuplicate() {
        Map<String, Integer> versions = archived("c-1", "c-2");
        versions.put(Keys.bundle("c-2"), 2);

        var checks = new ScaleOutChecks(SENT, Map.of("c-1", 1, "c-2", 1), Map.of("DONE", 6), versions);

        assertThat(checks.problems()).containsExactly("DUPLICATE: " + Keys.bundle("c-2") + " has 2 versions");
    }

    @Test
    void aConversationWithoutDecisionOrManifestIsLost() {
        var checks = new ScaleOutChecks(SENT, Map.of("c-1", 1), Map.of("DONE", 3), archived("c-1"));

        assertThat(checks.problems()).containsExactly("LOST: c-2 has no final decision", "LOST: c-2 has no archive manifest");
    }

    @Test
    void anOutboxActionLeftPendingOrDeadIsReported() {
        var checks = new ScaleOutChecks(SENT, Map.of("c-1", 1, "c-2", 1), Map.of("DONE", 4, "PENDING", 1, "DEAD", 1),
                archived("c-1", "c-2"));

        assertThat(checks.problems()).containsExactly("DEAD: 1 outbox action(s) DEAD", "UNFINISHED: 1 outbox action(s) PENDING");
    }

    @Test
    void aDecisionForAConversationNeverSentIsReported() {
        var checks = new ScaleOutChecks(SENT, Map.of("c-1", 1, "c-2", 1, "c-9", 1), Map.of("DONE", 6), archived("c-1", "c-2"));

        assertThat(checks.problems()).containsExactly("UNEXPECTED: a decision for c-9, which was never sent");
    }
}
