package com.recguard.cli;

import static com.recguard.cli.CliTest.recguard;
import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffCommandTest {

    @TempDir
    Path tmp;

    private Path corpus() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("corpus"));
        Files.writeString(dir.resolve("uk.json"), CliTest.CLEAN_UK_CALL + "}");
        Files.writeString(dir.resolve("held.json"), CliTest.CLEAN_UK_CALL.replace("\"cli-1\"", "\"cli-2\"").replace("\"recordings\"",
                "\"transcript\": [ { \"text\": \"a boiler room deal\" } ], \"recordings\"") + "}");
        return dir;
    }

    @Test
    void the_same_pack_changes_nothing_and_exits_0() throws Exception {
        var r = recguard("diff", "--old", TestPaths.RULES.toString(), "--new", TestPaths.RULES.toString(), corpus().toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).endsWith("0 of 2 decisions changed\n");
    }

    @Test
    void groups_changes_by_kind_with_counts_and_examples_and_exits_1() throws Exception {
        Path changed = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("new"));
        Files.writeString(changed.resolve("holds/risk-lexicon.csv"), "boiler room\n", StandardOpenOption.APPEND);
        Path classes = changed.resolve("retention/retention-classes.csv");
        Files.writeString(classes, Files.readString(classes).replace("default,7", "default,10"));
        Path corpus = corpus();

        var r = recguard("diff", "--old", TestPaths.RULES.toString(), "--new", changed.toString(), corpus.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(
                "      2  retention extended by 3 years\n           e.g. " + corpus.resolve("held.json"),
                "      1  newly held\n           e.g. " + corpus.resolve("held.json"),
                "      1  new hold reason PHRASE:boiler room",
                "      1  new action APPLY_LEGAL_HOLD");
        assertThat(r.out()).endsWith("2 of 2 decisions changed\n");

        var json = recguard("diff", "--json", "--old", TestPaths.RULES.toString(), "--new", changed.toString(), corpus.toString());
        assertThat(json.out()).contains("\"changed\" : 2", "\"change\" : \"newly held\"", "\"count\" : 1");
    }

    @Test
    void an_unreadable_bundle_is_reported_and_exits_2() throws Exception {
        Path corpus = corpus();
        Files.writeString(corpus.resolve("broken.json"), "{");
        var r = recguard("diff", "--old", TestPaths.RULES.toString(), "--new", TestPaths.RULES.toString(), corpus.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains("UNREADABLE " + corpus.resolve("broken.json") + ": invalid JSON");
    }
}
