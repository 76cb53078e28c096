package com.recguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.recguard.TestPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {

    @TempDir
    Path tmp;

    @Test
    void the_shipped_pack_is_lint_clean() {
        var r = CliTest.recguard("lint", "--rules", TestPaths.RULES.toString());
        assertThat(r.out()).endsWith("0 finding(s) in 41 rules\n");
        assertThat(r.code()).isZero();
    }

    @Test
    void reports_each_foot_gun_with_file_and_line() throws Exception {
        Path copy = TestPaths.copyOf(TestPaths.RULES, tmp.resolve("r"));
        Path drl = copy.resolve("recording/REC-008-missing-ivr-capture.drl");
        Files.writeString(drl, Files.readString(drl)
                .replace("package rules.recording;", "package rules.audio;")
                .replace("    @id(\"REC-008\")", "    @id(\"REC-008\")\n    salience 10"));
        Path loop = copy.resolve("retention/RET-009-loop.drl");
        Files.writeString(loop, """
                package rules.retention;
                import com.recguard.facts.*;
                rule "A call is touched" @id("RET-009")
                when $c : Call() then modify($c) {} end
                """);
        Files.writeString(copy.resolve("holds/risk-lexicon.csv"), "return\n", StandardOpenOption.APPEND);
        Files.writeString(copy.resolve("consent/nanp-area-codes.csv"), "702,US-NV\n", StandardOpenOption.APPEND);

        var r = CliTest.recguard("lint", "--rules", copy.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains(
                drl + ":1: package rules.audio does not mirror the folder: it should be rules.recording",
                drl + ":10: salience without a comment",
                loop + ":3: rule \"A call is touched\" modifies a fact without no-loop",
                copy.resolve("holds/risk-lexicon.csv") + ":4: \"guaranteed return\" contains \"return\"",
                "nanp-area-codes.csv:", "area code 702 maps to US-NV, which is not in consent/jurisdictions.csv");
        assertThat(r.out()).endsWith("5 finding(s) in 42 rules\n");
    }
}
