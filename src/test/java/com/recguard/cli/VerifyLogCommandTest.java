package com.recguard.cli;

import static com.recguard.cli.CliTest.recguard;
import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifyLogCommandTest {

    @TempDir
    Path tmp;

    Path log;

    @BeforeEach
    void logThreeDecisions() throws Exception {
        log = tmp.resolve("decisions.log");
        for (int i = 1; i <= 3; i++) {
            Path bundle = tmp.resolve("b" + i + ".json");
            Files.writeString(bundle, CliTest.CLEAN_UK_CALL.replace("\"cli-1\"", "\"cli-" + i + "\"") + "}");
            assertThat(recguard("evaluate", "--log", log.toString(), "--rules", TestPaths.RULES.toString(), bundle.toString()).code()).isZero();
        }
    }

    private static com.recguard.cli.CliTest.Run verify(Path file) {
        return recguard("verify-log", "--rules", TestPaths.RULES.toString(), file.toString());
    }

    @Test
    void an_untouched_log_is_intact_and_every_decision_reproduces() {
        var r = verify(log);
        assertThat(r.out()).isEqualTo("3 entries; chain intact; 3 re-evaluated identically\n");
        assertThat(r.code()).isZero();
    }

    @Test
    void an_edited_decision_is_found() throws Exception {
        List<String> lines = Files.readAllLines(log);
        lines.set(1, lines.get(1).replace("\\\"recording\\\":\\\"REQUIRED\\\"", "\\\"recording\\\":\\\"EXEMPT\\\""));
        Files.write(log, lines);
        var r = verify(log);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("entry 2 (seq 2): its content does not match its hash: the entry was edited",
                "entry seq 2: re-evaluating its input gives a different decision", "chain BROKEN");
    }

    @Test
    void a_deleted_or_reordered_entry_breaks_the_chain() throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(log));
        Path deleted = tmp.resolve("deleted.log");
        Files.write(deleted, List.of(lines.get(0), lines.get(2)));
        assertThat(verify(deleted).out()).contains("entry 2 (seq 3): expected seq 2");

        Collections.swap(lines, 1, 2);
        Path reordered = tmp.resolve("reordered.log");
        Files.write(reordered, lines);
        var r = verify(reordered);
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("entry 2 (seq 3): does not link to the entry before it");
    }

    @Test
    void entries_of_another_rule_pack_are_counted_not_failed() throws Exception {
        Path other = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("other"));
        Files.writeString(other.resolve("holds/risk-lexicon.csv"), "\nboiler room\n", java.nio.file.StandardOpenOption.APPEND);
        var r = recguard("verify-log", "--rules", other.toString(), log.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("0 re-evaluated identically, 3 sampled entries decided by another rule pack");
    }
}
