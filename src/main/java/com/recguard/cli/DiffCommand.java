package com.recguard.cli;

import com.recguard.core.Evaluator;
import com.recguard.diff.CorpusDiff;
import com.recguard.diff.DecisionDiff;
import com.recguard.fixtures.Replay;
import com.recguard.json.BundleFormatException;
import com.recguard.json.BundleReader;
import com.recguard.json.DiffReport;
import com.recguard.model.Bundle;
import com.recguard.rules.RulePack;
import com.recguard.rules.RulePackException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
        "Replay a corpus of bundles through two rule packs and report every changed decision, grouped by",
        "kind of change with counts and examples. Exit 0 nothing changed, 1 something changed, 2 cannot run."})
final class DiffCommand implements Callable<Integer> {

    private static final long PROGRESS_EVERY = 1000;

    @Option(names = "--old", required = true, paramLabel = "DIR", description = "The rule pack in force.")
    Path oldRules;

    @Option(names = "--new", required = true, paramLabel = "DIR", description = "The changed rule pack.")
    Path newRules;

    @Option(names = "--json", description = "Print a machine-readable report.")
    boolean json;

    @Parameters(paramLabel = "PATH", arity = "1..*",
            description = "Bundle or fixture files, Genesys details query responses (each conversation counts), or folders of them.")
    List<Path> paths;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RulePack oldPack;
        RulePack newPack;
        List<Path> files;
        try {
            oldPack = RulePack.load(oldRules);
            newPack = RulePack.load(newRules);
            files = Replay.discover(paths);
        } catch (RulePackException e) {
            e.problems().forEach(err::println);
            return Main.CANNOT_RUN;
        } catch (NoSuchFileException e) {
            err.println(e.getFile() + ": no such file or folder");
            return Main.CANNOT_RUN;
        }
        Evaluator before = new Evaluator(oldPack);
        Evaluator after = new Evaluator(newPack);
        CorpusDiff diff = new CorpusDiff();
        AtomicLong done = new AtomicLong();
        files.parallelStream().forEach(f -> {
            try {
                List<Bundle> bundles = BundleReader.readAll(Files.readString(f)).bundles();
                // An export holding many conversations counts each; a change names the file and conversation.
                for (Bundle b : bundles) {
                    Path where = bundles.size() == 1 ? f : Path.of(f + "#" + b.conversation().conversationId());
                    diff.record(where, DecisionDiff.changes(before.evaluate(b), after.evaluate(b)));
                }
            } catch (IOException | BundleFormatException e) {
                diff.unreadable(f, e.getMessage());
            }
            long n = done.incrementAndGet();
            if (n % PROGRESS_EVERY == 0) {
                synchronized (err) {
                    err.print("\rdiff: " + n + " of " + files.size() + " files, " + diff.changed() + " changed");
                    err.flush();
                }
            }
        });
        if (files.size() >= PROGRESS_EVERY) {
            err.println("\rdiff: " + files.size() + " of " + files.size() + " files, " + diff.changed() + " changed");
        }
        if (json) {
            out.println(DiffReport.write(oldPack.sha256(), newPack.sha256(), diff));
        } else {
            print(out, oldPack, newPack, diff);
        }
        if (!diff.unreadable().isEmpty()) {
            return Main.CANNOT_RUN;
        }
        return diff.changed() > 0 ? Main.FINDINGS : Main.OK;
    }

    private static void print(PrintWriter out, RulePack oldPack, RulePack newPack, CorpusDiff diff) {
        out.println("old " + oldPack.dir() + " (" + oldPack.sha256() + ")");
        out.println("new " + newPack.dir() + " (" + newPack.sha256() + ")");
        for (CorpusDiff.Change c : diff.changes()) {
            out.println(String.format("%7d  %s", c.count(), c.label()));
            c.examples().forEach(p -> out.println("           e.g. " + p));
        }
        diff.unreadable().forEach((p, why) -> out.println("UNREADABLE " + p + ": " + why));
        out.println(diff.changed() + " of " + diff.bundles() + " decisions changed");
    }
}
