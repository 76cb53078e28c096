package com.recguard.cli;

import com.recguard.core.Evaluator;
import com.recguard.json.BundleFormatException;
import com.recguard.json.BundleReader;
import com.recguard.json.DecisionLogFile;
import com.recguard.json.DecisionWriter;
import com.recguard.rules.RulePack;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Evaluate one bundle (a file, or - for stdin) and print its decision JSON.")
final class EvaluateCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Parameters(index = "0", paramLabel = "FILE|-", description = "Bundle JSON, or - to read stdin.")
    String file;

    @Option(names = "--log", paramLabel = "FILE",
            description = "Also append the decision, its input and rule pack to this hash-chained decision log.")
    Path log;

    @Spec
    CommandSpec spec;

    /** Standard input; tests replace it. */
    static InputStream stdin = System.in;

    @Override
    public Integer call() {
        var err = spec.commandLine().getErr();
        String json;
        try {
            json = "-".equals(file) ? new String(stdin.readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(Path.of(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return Main.CANNOT_RUN;
        }
        RulePack pack = rules.loadOrReport(err);
        if (pack == null) {
            return Main.CANNOT_RUN;
        }
        try {
            var decision = new Evaluator(pack).evaluate(BundleReader.read(json));
            if (log != null) {
                new DecisionLogFile(log).append(json, decision.rulePack(), decision.firedRules(), DecisionWriter.writeCompact(decision));
            }
            spec.commandLine().getOut().println(DecisionWriter.write(decision));
            return Main.OK;
        } catch (IOException e) {
            err.println(log + ": cannot append to the decision log: " + e.getMessage());
            return Main.CANNOT_RUN;
        } catch (BundleFormatException e) {
            err.println(("-".equals(file) ? "<stdin>" : file) + ": " + e.getMessage());
            return Main.CANNOT_RUN;
        }
    }
}
