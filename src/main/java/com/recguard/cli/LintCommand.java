package com.recguard.cli;

import com.recguard.fixtures.Replay;
import com.recguard.lint.LintFinding;
import com.recguard.lint.TableLint;
import com.recguard.rules.DrlLint;
import com.recguard.rules.RulePack;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "lint", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
        "Find rule-pack foot-guns: modify that can re-fire its rule, salience without a comment, missing or",
        "duplicate @id, package not matching its folder, unused table rows, lexicon phrases containing each other.",
        "exists(A() and not B()) (a known Drools 10 defect), and fixtures deciding differently when the pack is",
        "compiled a second way. Exit 0 clean, 1 findings, 2 the pack does not compile or is refused."})
final class LintCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Option(names = "--fixtures", paramLabel = "DIR",
            description = "Fixtures for the build-order cross-check (default: ./fixtures, else the shipped ones).")
    Path fixtures;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        RulePack pack = rules.loadOrReport(out);
        RulePack config = rules.hasConfigPack() ? rules.loadConfigOrReport(out) : null;
        if (pack == null || (rules.hasConfigPack() && config == null)) {
            return Main.CANNOT_RUN;
        }
        Path fixtureDir = fixtures != null ? fixtures : Locations.defaultDir("fixtures");
        if (fixtures != null || Files.isDirectory(fixtureDir)) {
            try {
                if (rules.crossCheckOrReport(pack, Replay.discover(List.of(fixtureDir)), out) == null) {
                    return Main.CANNOT_RUN;
                }
            } catch (NoSuchFileException e) {
                out.println(e.getFile() + ": no such file or folder");
                return Main.CANNOT_RUN;
            }
        }
        // The configuration rules are held to the same DRL lint, in one pass with the conversation
        // rules so an @id used in both packs is found. The table lint stays with the conversation
        // tables: its checks (zones, area codes, lexicon) are about them.
        List<String> drl = new ArrayList<>(pack.drlFiles());
        int ruleCount = pack.rules().size();
        if (config != null) {
            drl.addAll(config.drlFiles());
            ruleCount += config.rules().size();
        }
        List<LintFinding> findings = new ArrayList<>(DrlLint.lint(pack.dir(), drl));
        findings.addAll(TableLint.lint(pack.dir(), pack.tableFacts(), pack.lexiconPhrases()));
        findings.sort(null);
        findings.forEach(f -> out.println(f.format(pack.dir())));
        out.println(findings.size() + " finding(s) in " + ruleCount + " rules");
        return findings.isEmpty() ? Main.OK : Main.FINDINGS;
    }
}
