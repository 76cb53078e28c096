package com.recguard.cli;

import com.recguard.rules.RulePack;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "check", description = "Compile the rule pack and its tables; report problems as file:line: message.")
final class CheckCommand implements Callable<Integer> {

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
        out.println("ok: " + pack.rules().size() + " rules, " + pack.lexiconPhrases().size()
                + " lexicon phrases in " + rules.dir() + " (" + pack.sha256() + ")");
        return Main.OK;
    }
}
