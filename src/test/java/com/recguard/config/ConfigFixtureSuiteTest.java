package com.recguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.recguard.TestPaths;
import com.recguard.service.ConfigAudit;
import com.recguard.json.ConfigSnapshotJson;
import com.recguard.rules.RuleInfo;
import com.recguard.rules.RulePack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every snapshot fixture under fixtures-config/ as a test named by its path: the findings must be
 * exactly its "expect"; in fixtures-config/&lt;RULE-ID&gt;/, fail-* must make that rule find something
 * and pass-* must not. Every config rule needs both.
 */
class ConfigFixtureSuiteTest {

    static final Path FIXTURES = Path.of("fixtures-config");
    static RulePack pack;
    static ConfigAudit audit;
    static List<Path> fixtures;

    @BeforeAll
    static void load() throws Exception {
        pack = RulePack.loadConfig(TestPaths.RULES);
        audit = new ConfigAudit(pack);
        try (Stream<Path> s = Files.walk(FIXTURES)) {
            fixtures = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    @TestFactory
    Stream<DynamicTest> every_snapshot_fixture_gives_exactly_its_expected_findings() {
        return fixtures.stream().map(path -> dynamicTest(path.toString(), path.toUri(), () -> {
            ConfigSnapshotJson.Fixture f = ConfigSnapshotJson.readFixture(path);
            AuditReport r = audit.evaluate(f.snapshot());
            Set<String> codes = r.findings().stream().map(AuditFinding::code).collect(Collectors.toCollection(TreeSet::new));
            assertThat(codes).as(path + " findings " + r.findings()).isEqualTo(f.expect());
            String rule = ruleIdOf(path);
            if (rule != null) {
                Set<String> rules = r.findings().stream().map(AuditFinding::rule).collect(Collectors.toSet());
                if (path.getFileName().toString().startsWith("fail-")) {
                    assertThat(rules).as(path + " must make " + rule + " find a deviation").contains(rule);
                } else {
                    assertThat(rules).as(path + " must not make " + rule + " find anything").doesNotContain(rule);
                }
            }
        }));
    }

    @Test
    void every_config_rule_has_a_passing_and_a_failing_snapshot_fixture() {
        List<String> missing = new ArrayList<>();
        for (RuleInfo rule : pack.rules().values()) {
            for (String kind : List.of("pass-", "fail-")) {
                boolean found = fixtures.stream().anyMatch(p -> p.getParent().equals(FIXTURES.resolve(rule.id()))
                        && p.getFileName().toString().startsWith(kind));
                if (!found) {
                    missing.add(rule.id() + " (\"" + rule.name() + "\") has no " + FIXTURES.resolve(rule.id()) + "/" + kind + "*.json");
                }
            }
        }
        assertThat(pack.rules()).hasSizeGreaterThanOrEqualTo(20);
        assertThat(missing).isEmpty();
    }

    @Test
    void every_fixture_folder_names_a_config_rule_or_is_a_whole_org() {
        Set<String> problems = new TreeSet<>();
        for (Path p : fixtures) {
            Path rel = FIXTURES.relativize(p);
            String folder = rel.getName(0).toString();
            if (folder.equals("orgs")) {
                continue;
            }
            if (rel.getNameCount() != 2 || !pack.rules().containsKey(folder)) {
                problems.add(p + ": not under fixtures-config/<RULE-ID>/ of an existing config rule, nor orgs/");
            }
            String name = p.getFileName().toString();
            if (!name.startsWith("pass-") && !name.startsWith("fail-")) {
                problems.add(p + ": name must start with pass- or fail-");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_config_rules_pass_the_drl_lint() {
        assertThat(com.recguard.rules.DrlLint.lint(pack.dir(), pack.drlFiles())).isEmpty();
        assertThat(pack.drlFiles()).allMatch(f -> f.startsWith("config/CFG-"));
    }

    @Test
    void the_conversation_pack_does_not_pick_up_the_config_rules() throws Exception {
        RulePack conversations = RulePack.load(TestPaths.RULES);
        assertThat(conversations.rules().keySet()).noneMatch(id -> id.startsWith("CFG-"));
        assertThat(conversations.drlFiles()).noneMatch(f -> f.startsWith("config/"));
        assertThat(pack.rules().keySet()).allMatch(id -> id.startsWith("CFG-"));
    }

    @Test
    void a_compliant_org_has_no_findings_and_the_traps_org_shows_every_trap() throws Exception {
        assertThat(audit.evaluate(ConfigSnapshotJson.read(FIXTURES.resolve("orgs/compliant.json"))).findings()).isEmpty();
        AuditReport traps = audit.evaluate(ConfigSnapshotJson.read(FIXTURES.resolve("orgs/traps.json")));
        assertThat(traps.findings()).extracting(AuditFinding::code)
                .contains("FLOW_ONLY_RECORDING", "EXPORT_WITHOUT_METADATA", "LEGAL_HOLD_NOT_AUTOMATED", "NO_RECENT_CALIBRATION");
        assertThat(traps.findings()).allSatisfy(f -> {
            assertThat(f.section()).isNotBlank();
            assertThat(f.reason()).isNotBlank();
            assertThat(f.fix()).isNotBlank();
        });
    }

    @Test
    void each_of_the_guides_four_traps_alone_gives_exactly_its_finding() throws Exception {
        java.util.Map<String, String> traps = java.util.Map.of(
                "orgs/trap-flow-only-recording.json", "FLOW_ONLY_RECORDING",
                "orgs/trap-audio-without-metadata.json", "EXPORT_WITHOUT_METADATA",
                "orgs/trap-manual-legal-holds.json", "LEGAL_HOLD_NOT_AUTOMATED",
                "orgs/trap-no-calibration.json", "NO_RECENT_CALIBRATION");
        for (var t : traps.entrySet()) {
            AuditReport r = audit.evaluate(ConfigSnapshotJson.read(FIXTURES.resolve(t.getKey())));
            assertThat(r.findings()).as(t.getKey()).extracting(AuditFinding::code).containsExactly(t.getValue());
        }
    }

    @Test
    void no_fixture_uses_a_setting_genesys_does_not_have() throws Exception {
        // settings the guide names but the Genesys API has not (issue 14): sync frequency, metadata
        // export and integrity switches, and Calibration.calibrationDate (the field is createdDate)
        List<String> invented = List.of("syncFrequency", "exportMetadata", "verifyIntegrity", "calibrationDate");
        List<String> found = new ArrayList<>();
        for (Path p : fixtures) {
            String text = Files.readString(p);
            invented.stream().filter(f -> text.contains("\"" + f + "\"")).forEach(f -> found.add(p + ": " + f));
        }
        assertThat(found).isEmpty();
    }

    private static String ruleIdOf(Path p) {
        Path rel = FIXTURES.relativize(p);
        return rel.getNameCount() == 2 && !rel.getName(0).toString().equals("orgs") ? rel.getName(0).toString() : null;
    }
}
