package com.recguard.cli;

import com.recguard.rules.RulePack;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = {"Compile the rule pack and its tables, and the configuration-audit pack in config/;",
                "report problems as file:line: message. Exit 0 ok, 2 errors."})
final class CheckCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

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
        out.println("ok: " + pack.rules().size() + " rules, " + pack.lexiconPhrases().size()
                + " lexicon phrases in " + rules.dir() + " (" + pack.sha256() + ")");
        if (config != null) {
            out.println("ok: " + config.rules().size() + " configuration-audit rules in "
                    + rules.dir().resolve(RulePack.CONFIG_FOLDER) + " (" + config.sha256() + ")");
        }
        return Main.OK;
    }
}
