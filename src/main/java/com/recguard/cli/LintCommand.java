package com.recguard.cli;

import com.recguard.lint.LintFinding;
import com.recguard.lint.TableLint;
import com.recguard.rules.DrlLint;
import com.recguard.rules.RulePack;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "lint", description = {
        "Find rule-pack foot-guns: modify that can re-fire its rule, salience without a comment, missing or",
        "duplicate @id, package not matching its folder, unused table rows, lexicon phrases containing each other.",
        "Exit 0 clean, 1 findings, 2 the pack does not compile."})
final class LintCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RulePack pack = rules.loadOrReport(out);
        if (pack == null) {
            return Main.CANNOT_RUN;
        }
        List<LintFinding> findings = new ArrayList<>(DrlLint.lint(pack.dir(), pack.drlFiles()));
        findings.addAll(TableLint.lint(pack.dir(), pack.tableFacts(), pack.lexiconPhrases()));
        findings.sort(null);
        findings.forEach(f -> out.println(f.format(pack.dir())));
        out.println(findings.size() + " finding(s) in " + pack.rules().size() + " rules");
        return findings.isEmpty() ? Main.OK : Main.FINDINGS;
    }
}
