package com.recguard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.recguard.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RulePackTest {

    @TempDir
    Path tmp;

    @Test
    void the_shipped_pack_compiles_with_an_id_for_every_rule() throws Exception {
        RulePack pack = RulePack.load(TestPaths.RULES);
        assertThat(pack.rules()).hasSizeGreaterThanOrEqualTo(30);
        assertThat(pack.rules().values()).allSatisfy(r -> {
            assertThat(r.file()).startsWith(r.area() + "/").endsWith(".drl");
            assertThat(Path.of(r.file()).getFileName().toString()).startsWith(r.id() + "-");
        });
        assertThat(pack.sha256()).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void the_pack_hash_changes_with_any_rule_or_table_byte() throws Exception {
        Path copy = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("r"));
        String before = RulePack.load(copy).sha256();
        assertThat(RulePack.load(copy).sha256()).isEqualTo(before);
        Files.writeString(copy.resolve("holds/risk-lexicon.csv"), "\nmis-selling\n", java.nio.file.StandardOpenOption.APPEND);
        assertThat(RulePack.load(copy).sha256()).isNotEqualTo(before);
    }

    @Test
    void a_syntax_error_names_the_file_and_line() {
        Path copy = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("r"));
        Path drl = copy.resolve("residency/RES-006-internal-zone.drl");
        write(drl, read(drl).replace("Call(internal)", "Call(internal"));
        assertThatThrownBy(() -> RulePack.load(copy))
                .isInstanceOfSatisfying(RulePackException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith(drl + ":").matches(".*\\.drl:\\d+: .+")));
    }

    @Test
    void a_rule_without_id_and_a_duplicate_id_are_errors() {
        Path copy = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("r"));
        Path a = copy.resolve("quality/QA-001-review-violations.drl");
        Path b = copy.resolve("quality/QA-002-review-holds.drl");
        write(a, read(a).replace("@id(\"QA-001\")", ""));
        write(b, read(b).replace("@id(\"QA-002\")", "@id(\"QA-004\")"));
        assertThatThrownBy(() -> RulePack.load(copy))
                .isInstanceOfSatisfying(RulePackException.class, e -> assertThat(e.problems()).satisfiesExactlyInAnyOrder(
                        p -> assertThat(p).startsWith(a + ":").contains("has no @id"),
                        p -> assertThat(p).contains("@id(QA-004) is already used")));
    }

    @Test
    void a_bad_table_row_names_the_file_line_and_column() {
        Path copy = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("r"));
        Path csv = copy.resolve("residency/zone-archive-regions.csv");
        write(csv, read(csv).replace("US,us-east-1,3", "US,us-east-1,third"));
        assertThatThrownBy(() -> RulePack.load(copy))
                .isInstanceOfSatisfying(RulePackException.class, e -> assertThat(e.problems()).singleElement()
                        .asString().isEqualTo(csv + ":6: column 'rank' must be a whole number, not 'third'"));
    }

    @Test
    void an_unknown_table_file_is_an_error_not_silently_ignored() {
        Path copy = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("r"));
        write(copy.resolve("holds/lexicon-extra.csv"), "phrase\nboiler room\n");
        assertThatThrownBy(() -> RulePack.load(copy)).hasMessageContaining("holds/lexicon-extra.csv:1: not a known table");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void write(Path p, String s) {
        try {
            Files.writeString(p, s);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
