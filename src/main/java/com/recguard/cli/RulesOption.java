package com.recguard.cli;

import com.recguard.fixtures.BuildOrderCheck;
import com.recguard.rules.PackCache;
import com.recguard.rules.RulePack;
import com.recguard.rules.RulePackException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The {@code --rules DIR} option shared by the commands, and loading the pack it names. */
final class RulesOption {

    @Option(names = "--rules", paramLabel = "DIR", description = "Rule pack folder (default: ./rules, else the shipped one).")
    Path rules;

    Path dir() {
        return rules != null ? rules : Locations.defaultDir("rules");
    }

    /** Whether the folder has a configuration-audit pack ({@code config/}) beside the conversation pack. */
    boolean hasConfigPack() {
        return java.nio.file.Files.isDirectory(dir().resolve(RulePack.CONFIG_FOLDER));
    }

    /** The compiled configuration-audit pack, or null after printing every problem as {@code file:line: message}. */
    RulePack loadConfigOrReport(PrintWriter report) {
        try {
            return RulePack.loadConfig(dir());
        } catch (RulePackException e) {
            e.problems().forEach(report::println);
            report.println("configuration pack " + dir().resolve(RulePack.CONFIG_FOLDER) + " has " + e.problems().size()
                    + " error(s)");
            return null;
        }
    }

    /** The compiled pack, or null after printing every problem as {@code file:line: message}. */
    RulePack loadOrReport(PrintWriter report) {
        return loadOrReport(report, null);
    }

    /**
     * As {@link #loadOrReport(PrintWriter)}, through the user's cache of compiled packs
     * ({@link PackCache#forUser}): for commands that only decide. A refused cache entry is said on
     * {@code report} and the pack compiled again.
     */
    RulePack loadCachedOrReport(PrintWriter report) {
        return loadOrReport(report, PackCache.forUser(note -> {
            report.println(note);
            report.flush();
        }));
    }

    private RulePack loadOrReport(PrintWriter report, PackCache cache) {
        try {
            return RulePack.load(dir(), cache);
        } catch (RulePackException e) {
            e.problems().forEach(report::println);
            report.println("rule pack " + dir() + " has " + e.problems().size() + " error(s); nothing was evaluated");
            return null;
        }
    }

    /**
     * The build-order cross-check ({@link BuildOrderCheck}) of a compiled pack over these fixtures:
     * the result, or null after printing every fixture that decides differently and that the pack
     * is refused. Run by check, replay and lint; evaluate, explain and the other single-bundle
     * commands skip it (a second compile per bundle would double their start-up).
     */
    BuildOrderCheck.Result crossCheckOrReport(RulePack pack, List<Path> fixtures, PrintWriter report) {
        BuildOrderCheck.Result r;
        try {
            r = BuildOrderCheck.run(pack, fixtures);
        } catch (RulePackException e) {
            e.problems().forEach(report::println);
            report.println("rule pack " + dir() + " refused: it could not be cross-compiled for the build-order check");
            return null;
        }
        if (!r.passed()) {
            r.problems().forEach(report::println);
            report.println("rule pack " + dir() + " refused: its decisions depend on how Drools builds its network");
            return null;
        }
        return r;
    }
}
