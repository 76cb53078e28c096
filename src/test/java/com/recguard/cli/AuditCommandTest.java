package com.recguard.cli;

import static com.recguard.cli.CliTest.recguard;
import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `recguard audit` offline: snapshot in, report out, exit codes as for every command. */
class AuditCommandTest {

    @TempDir
    Path tmp;

    @Test
    void a_compliant_snapshot_exits_0_and_says_so() {
        CliTest.Run r = recguard("audit", "--rules", TestPaths.RULES.toString(), "--snapshot", "fixtures-config/orgs/compliant.json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.lastLine()).startsWith("compliant:");
    }

    @Test
    void the_traps_snapshot_exits_1_with_reason_and_fix_for_each_finding() {
        CliTest.Run r = recguard("audit", "--snapshot", "fixtures-config/orgs/traps.json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("CFG-005 FLOW_ONLY_RECORDING — Global - Never (guide 1 Recording policy framework (trap))")
                .contains("  why: ").contains("  fix: ");
        assertThat(r.lastLine()).isEqualTo("4 finding(s): the configuration deviates from the guide (snapshot 2026-03-06T17:00:00Z)");
    }

    @Test
    void json_report_lists_code_rule_subject_section_reason_and_fix() {
        CliTest.Run r = recguard("audit", "--json", "--snapshot", "fixtures-config/CFG-010/fail-recordings-without-metadata.json");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("\"code\" : \"EXPORT_WITHOUT_METADATA\"", "\"rule\" : \"CFG-010\"",
                "\"subject\" : \"recguard-archive-eu-west-1\"", "\"section\" : \"2 Immutable archival storage (trap)\"",
                "\"fix\" : ", "\"compliant\" : false");
    }

    @Test
    void an_unreadable_snapshot_or_a_broken_pack_exits_2() throws Exception {
        Path bad = Files.writeString(tmp.resolve("bad.json"), "{\"genesys\":{}}");
        assertThat(recguard("audit", "--snapshot", bad.toString()).code()).isEqualTo(2);
        Path rules = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("rules"));
        Files.writeString(rules.resolve("config/CFG-001-record-all-baseline.drl"), "package rules.config;\nrule \"x\" when then nonsense(; end\n");
        CliTest.Run r = recguard("audit", "--rules", rules.toString(), "--snapshot", "fixtures-config/orgs/compliant.json");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("CFG-001-record-all-baseline.drl:");
    }

    @Test
    void live_mode_without_genesys_settings_exits_2_naming_the_variables() {
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = Main.run(new String[] {"audit"}, new java.io.PrintWriter(out), new java.io.PrintWriter(err), Map.of());
        CliTest.Run r = new CliTest.Run(code, out.toString(), err.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("GENESYS_BASE_URL is not set").contains("--snapshot");
    }

    @Test
    void a_saved_snapshot_audits_the_same_offline() throws Exception {
        Path saved = tmp.resolve("saved.json");
        CliTest.Run first = recguard("audit", "--snapshot", "fixtures-config/orgs/traps.json", "--save-snapshot", saved.toString());
        CliTest.Run again = recguard("audit", "--snapshot", saved.toString());
        assertThat(again.code()).isEqualTo(first.code()).isEqualTo(1);
        assertThat(again.out()).isEqualTo(first.out());
    }
}
