package com.recguard.cli;

import com.recguard.audit.ChainCheck;
import com.recguard.audit.LogEntry;
import com.recguard.core.Evaluator;
import com.recguard.json.BundleFormatException;
import com.recguard.json.BundleReader;
import com.recguard.adapter.file.DecisionLogFile;
import com.recguard.json.DecisionWriter;
import com.recguard.rules.RulePack;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "verify-log", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
        "Check a decision log: every entry links to the one before and matches its hash (an edited, deleted or",
        "reordered entry is found), and a sample of entries re-evaluated with --rules gives the same decision bytes.",
        "Exit 0 intact and reproducible, 1 findings, 2 cannot run."})
final class VerifyLogCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Parameters(index = "0", paramLabel = "FILE", description = "The decision log (JSON lines).")
    Path file;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "100",
            description = "Re-evaluate every k-th entry so that about N entries are checked (default 100; 0 = none).")
    int sample;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<LogEntry> entries;
        try {
            entries = DecisionLogFile.read(file);
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return Main.CANNOT_RUN;
        } catch (BundleFormatException e) {
            err.println(e.getMessage());
            return Main.CANNOT_RUN;
        }
        List<String> problems = new ArrayList<>(ChainCheck.problems(entries));
        int reproduced = 0;
        int otherPack = 0;
        if (sample > 0 && !entries.isEmpty()) {
            RulePack pack = rules.loadOrReport(err);
            if (pack == null) {
                return Main.CANNOT_RUN;
            }
            Evaluator evaluator = new Evaluator(pack);
            int step = Math.max(1, entries.size() / sample);
            for (int i = 0; i < entries.size(); i += step) {
                LogEntry e = entries.get(i);
                if (!e.rulePack().equals(pack.sha256())) {
                    otherPack++;
                    continue;
                }
                try {
                    String again = DecisionWriter.writeCompact(evaluator.evaluate(BundleReader.read(e.input())));
                    if (again.equals(e.decision())) {
                        reproduced++;
                    } else {
                        problems.add("entry seq " + e.seq() + ": re-evaluating its input gives a different decision");
                    }
                } catch (BundleFormatException ex) {
                    problems.add("entry seq " + e.seq() + ": its input no longer reads: " + ex.getMessage());
                }
            }
        }
        problems.forEach(out::println);
        out.println(entries.size() + " entries; chain " + (ChainCheck.problems(entries).isEmpty() ? "intact" : "BROKEN")
                + "; " + reproduced + " re-evaluated identically" + (otherPack > 0 ? ", " + otherPack
                + " sampled entries decided by another rule pack (pass --rules with that pack to check them)" : ""));
        return problems.isEmpty() ? Main.OK : Main.FINDINGS;
    }
}
