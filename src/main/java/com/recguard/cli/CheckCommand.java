package com.recguard.cli;

import com.recguard.fixtures.BuildOrderCheck;
import com.recguard.fixtures.Replay;
import com.recguard.rules.RulePack;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Compile the rule pack and its tables, and the configuration-audit pack in config/;",
                "report problems as file:line: message. Then compile the conversation pack a second way (one package,",
                "reverse order) and refuse it, exit 2, naming the fixtures whose decision differs between the two builds."})
final class CheckCommand implements Callable<Integer> {

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
        // Both packs of the folder, every problem of both reported before the exit code.
        RulePack pack = rules.loadOrReport(out);
        RulePack config = rules.hasConfigPack() ? rules.loadConfigOrReport(out) : null;
        if (pack == null || (rules.hasConfigPack() && config == null)) {
            return Main.CANNOT_RUN;
        }
        Path fixtureDir = fixtures != null ? fixtures : Locations.defaultDir("fixtures");
        String crossCheck;
        if (fixtures == null && !Files.isDirectory(fixtureDir)) {
            crossCheck = "build order: not cross-checked, no fixtures at " + fixtureDir;
        } else {
            List<Path> files;
            try {
                files = Replay.discover(List.of(fixtureDir));
            } catch (NoSuchFileException e) {
                out.println(e.getFile() + ": no such file or folder");
                return Main.CANNOT_RUN;
            }
            BuildOrderCheck.Result r = rules.crossCheckOrReport(pack, files, out);
            if (r == null) {
                return Main.CANNOT_RUN;
            }
            crossCheck = r.summary();
        }
        out.println("ok: " + pack.rules().size() + " rules, " + pack.lexiconPhrases().size()
                + " lexicon phrases in " + rules.dir() + " (" + pack.sha256() + ")");
        if (config != null) {
            out.println("ok: " + config.rules().size() + " configuration-audit rules in "
                    + rules.dir().resolve(RulePack.CONFIG_FOLDER) + " (" + config.sha256() + ")");
        }
        out.println(crossCheck);
        return Main.OK;
    }
}
