package com.recguard.cli;

import com.recguard.core.Evaluator;
import com.recguard.fixtures.Replay;
import com.recguard.fixtures.Replay.Result;
import com.recguard.fixtures.RuleCoverage;
import com.recguard.json.ReplayReport;
import com.recguard.rules.RuleInfo;
import com.recguard.rules.RulePack;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "replay", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
        "Run fixtures against the rule pack. One line per failing fixture, then 'N passed, N failed'.",
        "Exit 0 all pass, 1 any failed, 2 an unreadable fixture or rule pack, or a pack refused because",
        "a fixture decides differently when the pack is compiled a second way (one package, reverse order)."})
final class ReplayCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Fixture files or folders (default: ./fixtures).")
    List<Path> paths = new ArrayList<>();

    @Option(names = "--json", description = "Print a machine-readable report instead.")
    boolean json;

    @Option(names = {"-v", "--verbose"}, description = "Also list the fixtures that pass.")
    boolean verbose;

    @Option(names = "--coverage", description = "Also show which rules fired on how many fixtures, and which never fired.")
    boolean coverage;

    @Option(names = "--min-coverage", paramLabel = "P",
            description = "Exit 1 when fewer than P %% of the rules fire on some fixture (implies --coverage).")
    Double minCoverage;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RulePack pack = rules.loadOrReport(err);
        if (pack == null) {
            return Main.CANNOT_RUN;
        }
        List<Path> files;
        try {
            files = Replay.discover(paths.isEmpty() ? List.of(Locations.defaultDir("fixtures")) : paths);
        } catch (NoSuchFileException e) {
            err.println(e.getFile() + ": no such file or folder");
            return Main.CANNOT_RUN;
        }
        if (rules.crossCheckOrReport(pack, files, err) == null) {
            return Main.CANNOT_RUN;
        }
        Evaluator evaluator = new Evaluator(pack);
        // Fixtures are independent and the evaluator is thread-safe; results keep the path order.
        List<Result> results = files.parallelStream().map(f -> Replay.run(evaluator, f)).toList();
        RuleCoverage ruleCoverage = RuleCoverage.of(pack.rules().keySet(), results);
        boolean coverageTooLow = minCoverage != null && ruleCoverage.percent() < minCoverage;
        long passed = results.stream().filter(Result::passed).count();
        long unreadable = results.stream().filter(Result::unreadable).count();
        long failed = results.size() - passed;
        if (json) {
            out.println(ReplayReport.write(pack.sha256(), results.stream().map(r -> new ReplayReport.Result(r.path(), r.passed(),
                    r.unreadable(), r.error(), r.differences(), r.decision())).toList()));
        } else {
            for (Result r : results) {
                if (r.unreadable()) {
                    out.println("UNREADABLE " + r.path() + ": " + r.error());
                } else if (r.error() != null) {
                    out.println("FAIL " + r.path() + ": " + r.error());
                } else if (!r.passed()) {
                    out.println("FAIL " + r.path() + ": " + String.join("; ", r.differences()));
                } else if (verbose) {
                    out.println("ok   " + r.path());
                }
            }
            if (coverage || minCoverage != null) {
                printCoverage(out, pack, ruleCoverage);
            }
            if (coverageTooLow) {
                out.println(String.format(Locale.ROOT, "coverage %.1f %% is below the minimum of %.1f %%",
                        ruleCoverage.percent(), minCoverage));
            }
            out.println(passed + " passed, " + failed + " failed");
        }
        return unreadable > 0 ? Main.CANNOT_RUN : failed > 0 || coverageTooLow ? Main.FINDINGS : Main.OK;
    }

    private static void printCoverage(PrintWriter out, RulePack pack, RuleCoverage c) {
        out.println("rule coverage (fixtures on which each rule fired):");
        c.fixturesByRule().forEach((id, fixtures) -> {
            RuleInfo rule = pack.rules().get(id);
            out.println(String.format(Locale.ROOT, "  %-8s %5d  %s", id, fixtures.size(), rule == null ? "" : rule.name()));
        });
        List<String> never = c.neverFired();
        out.println(never.isEmpty() ? "every rule fired on some fixture"
                : "never fired: " + String.join(", ", never));
        out.println(String.format(Locale.ROOT, "coverage: %.1f %% of %d rules", c.percent(), c.fixturesByRule().size()));
    }
}
