package com.recguard.cli;

import com.recguard.core.Evaluator;
import com.recguard.fixtures.FileStamps;
import com.recguard.fixtures.Replay;
import com.recguard.fixtures.Replay.Result;
import com.recguard.rules.RulePack;
import com.recguard.rules.RulePackException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "watch", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {
        "Re-run check and the fixtures whenever a file under the rules or fixtures changes, and show only",
        "what changed: fixtures that now fail or now pass, and rule-pack errors. Stop with Ctrl-C."})
final class WatchCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Fixture files or folders (default: ./fixtures).")
    List<Path> paths;

    @Option(names = "--interval", paramLabel = "MS", defaultValue = "400", description = "How often to look for changes (ms).")
    long intervalMs;

    @Option(names = "--max-runs", hidden = true, defaultValue = "0", description = "Stop after N runs (tests).")
    int maxRuns;

    @Spec
    CommandSpec spec;

    /** A fixture's last outcome: "passed", or what was wrong. */
    private Map<Path, String> last = null;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        List<Path> roots = paths == null || paths.isEmpty() ? List.of(Locations.defaultDir("fixtures")) : paths;
        Map<Path, Long> seen = Map.of();
        int runs = 0;
        while (maxRuns == 0 || runs < maxRuns) {
            Map<Path, Long> now = FileStamps.of(Stream.concat(Stream.of(rules.dir()), roots.stream()).toList());
            if (!now.equals(seen)) {
                seen = now;
                runs++;
                runOnce(out, roots);
                out.flush();
            }
            Thread.sleep(intervalMs);
        }
        return Main.OK;
    }

    private void runOnce(PrintWriter out, List<Path> roots) {
        RulePack pack;
        try {
            pack = RulePack.load(rules.dir());
        } catch (RulePackException e) {
            out.println("rules do not compile; fixtures not run:");
            e.problems().forEach(p -> out.println("  " + p));
            return;
        }
        List<Path> files;
        try {
            files = Replay.discover(roots);
        } catch (NoSuchFileException e) {
            out.println(e.getFile() + ": no such file or folder");
            return;
        }
        Evaluator evaluator = new Evaluator(pack);
        Map<Path, String> current = new TreeMap<>();
        for (Result r : files.parallelStream().map(f -> Replay.run(evaluator, f)).toList()) {
            current.put(r.path(), r.passed() ? "passed" : r.error() != null ? r.error() : String.join("; ", r.differences()));
        }
        long failed = current.values().stream().filter(s -> !s.equals("passed")).count();
        Map<Path, String> previous = last == null ? new HashMap<>() : last;
        current.forEach((path, status) -> {
            String before = previous.get(path);
            if (Objects.equals(before, status)) {
                return;
            }
            if (status.equals("passed")) {
                if (before != null) {
                    out.println("now passing  " + path);
                }
            } else {
                out.println((before == null || before.equals("passed") ? "now FAILING  " : "still failing ") + path + ": " + status);
            }
        });
        previous.keySet().stream().filter(p -> !current.containsKey(p)).forEach(p -> out.println("removed      " + p));
        last = current;
        out.println("[" + pack.sha256().substring(7, 19) + "] " + (current.size() - failed) + " passed, " + failed + " failed");
    }
}
