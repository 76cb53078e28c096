package com.recguard.cli;

import static com.recguard.cli.CliTest.recguard;
import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** What users expect of any command line: --help and --version everywhere, and check/lint over the whole of rules/. */
class CommandConventionsTest {

    @TempDir
    Path tmp;

    static List<String> commands() {
        return new ArrayList<>(new CommandLine(new Main()).getSubcommands().keySet());
    }

    @Test
    void every_command_answers_help_and_version_without_running() {
        assertThat(commands()).contains("check", "lint", "replay", "serve", "archive", "audit", "generate", "evidence", "verify-evidence", "backfill").hasSize(17);
        List<String> wrong = new ArrayList<>();
        for (String command : commands()) {
            for (String flag : List.of("--help", "-h")) {
                var r = recguard(command, flag);
                if (r.code() != 0 || !r.out().startsWith("Usage: recguard " + command)) {
                    wrong.add(command + " " + flag + ": exit " + r.code() + ", " + r.out() + r.err());
                }
            }
            for (String flag : List.of("--version", "-V")) {
                var r = recguard(command, flag);
                if (r.code() != 0 || !r.out().startsWith("recguard ")) {
                    wrong.add(command + " " + flag + ": exit " + r.code() + ", " + r.out() + r.err());
                }
            }
        }
        assertThat(wrong).isEmpty();
        assertThat(recguard("--version").out()).startsWith("recguard ");
        assertThat(recguard("serve", "--help").out()).contains("--help", "--version");
    }

    @Test
    void check_compiles_the_configuration_pack_too() {
        var r = recguard("check", "--rules", TestPaths.RULES.toString());
        assertThat(r.code()).isZero();
        assertThat(r.out()).containsPattern("ok: \\d+ configuration-audit rules in rules/config/? \\(sha256:[0-9a-f]{64}\\)");
    }

    @Test
    void check_names_file_and_line_of_a_broken_configuration_rule_and_exits_2() throws Exception {
        Path copy = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("copy"));
        Path drl = copy.resolve("config/CFG-003-retention-too-short.drl");
        java.util.List<String> lines = Files.readAllLines(drl);
        int broken = 1 + java.util.stream.IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).contains("deleteAfterDays >= 0,")).findFirst().orElseThrow();
        Files.writeString(drl, Files.readString(drl).replace("deleteAfterDays >= 0,", "deleteAfterDays >= 0,,"));
        var r = recguard("check", "--rules", copy.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.out()).contains(drl + ":" + broken + ": ").doesNotContain("ok: ");
    }

    @Test
    void lint_holds_the_configuration_rules_to_the_drl_lint() throws Exception {
        Path copy = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("copy"));
        Path drl = copy.resolve("config/CFG-003-retention-too-short.drl");
        Files.writeString(drl, Files.readString(drl).replace("@id(\"CFG-003\")", "@id(\"REC-001\")"));
        var r = recguard("lint", "--rules", copy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(drl.toString()).contains("REC-001");
    }
}
