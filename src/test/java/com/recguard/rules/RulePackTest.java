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
    void a_freshly_compiled_pack_flags_a_missing_recording_on_its_very_first_decision() throws Exception {
        // Regression: with Drools' beta-node sharing, REC-006 (shares its opening with REC-007)
        // did not fire until some earlier session had seen a recording.
        var evaluator = new com.recguard.core.Evaluator(RulePack.load(TestPaths.RULES));
        var bundle = com.recguard.json.BundleReader.read(Files.readString(
                TestPaths.FIXTURES.resolve("recording/REC-006/fail-no-recording.json")));
        assertThat(evaluator.evaluate(bundle).violations()).extracting(com.recguard.model.Violation::code)
                .contains("MISSING_RECORDING");
    }

    @Test
    void fixtures_decide_the_same_in_any_order_on_fresh_packs() throws Exception {
        var files = com.recguard.fixtures.Replay.discover(java.util.List.of(TestPaths.FIXTURES));
        var forward = new com.recguard.core.Evaluator(RulePack.load(TestPaths.RULES));
        var backward = new com.recguard.core.Evaluator(RulePack.load(TestPaths.RULES));
        java.util.Map<Path, com.recguard.model.Decision> first = new java.util.HashMap<>();
        for (Path f : files) {
            first.put(f, forward.evaluate(com.recguard.json.BundleReader.read(Files.readString(f))));
        }
        var reversed = new java.util.ArrayList<>(files);
        java.util.Collections.reverse(reversed);
        for (Path f : reversed) {
            assertThat(backward.evaluate(com.recguard.json.BundleReader.read(Files.readString(f)))).as(f.toString())
                    .isEqualTo(first.get(f));
        }
    }

    @Test
    void the_cross_compiled_pack_keeps_hash_and_rules_even_when_two_areas_reuse_a_rule_sentence() throws Exception {
        Path copy = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("r"));
        // Legal as written (rule names are unique per package); in one package the names would clash.
        write(copy.resolve("quality/QA-901-same-name.drl"), read(copy.resolve("residency/RES-006-internal-zone.drl"))
                .replace("package rules.residency;", "package rules.quality;").replace("RES-006", "QA-901"));
        RulePack pack = RulePack.load(copy);
        RulePack other = pack.crossCompiled();
        assertThat(other.sha256()).isEqualTo(pack.sha256());
        assertThat(other.rules()).isEqualTo(pack.rules());
        assertThat(other.kieBase().getKiePackages()).extracting(org.kie.api.definition.KiePackage::getName)
                .doesNotContain("rules.residency", "rules.quality");
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
