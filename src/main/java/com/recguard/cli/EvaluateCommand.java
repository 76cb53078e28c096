package com.recguard.cli;

import com.recguard.core.Evaluator;
import com.recguard.json.BundleFormatException;
import com.recguard.json.BundleReader;
import com.recguard.json.BundleWriter;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import com.recguard.adapter.file.DecisionLogFile;
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

@Command(name = "evaluate", mixinStandardHelpOptions = true, versionProvider = Version.class, description = {
        "Evaluate a bundle (a file, or - for stdin) and print its decision JSON. A Genesys details query",
        "response or async-job results page holding several conversations gives one compact decision per",
        "line (JSON Lines), in input order. Exit 2 when the input cannot be read, naming the JSON path."})
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

    /** Said on stderr when the input has no "recordings" section (a bare Genesys export). */
    static final String NO_RECORDINGS_NOTE =
            "recording findings assume none were made; gather with the service for real recordings";

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
        RulePack pack = rules.loadCachedOrReport(err);
        if (pack == null) {
            return Main.CANNOT_RUN;
        }
        String name = "-".equals(file) ? "<stdin>" : file;
        BundleReader.Batch batch;
        try {
            batch = BundleReader.readAll(json);
        } catch (BundleFormatException e) {
            err.println(name + ": " + e.getMessage());
            return Main.CANNOT_RUN;
        }
        if (!batch.recordingsSection()) {
            err.println(name + ": " + NO_RECORDINGS_NOTE);
        }
        if (batch.bundles().isEmpty()) {
            err.println(name + ": holds no conversations");
        }
        Evaluator evaluator = new Evaluator(pack);
        boolean many = batch.bundles().size() > 1;
        var out = spec.commandLine().getOut();
        try {
            // Opened once: opening reads the log's last entry to continue its chain.
            DecisionLogFile decisionLog = log == null ? null : new DecisionLogFile(log);
            for (Bundle bundle : batch.bundles()) {
                Decision decision = evaluator.evaluate(bundle);
                if (decisionLog != null) {
                    // The log keeps what was decided on: the input itself, or this conversation's bundle.
                    decisionLog.append(many ? BundleWriter.write(bundle) : json, decision.rulePack(),
                            decision.firedRules(), DecisionWriter.writeCompact(decision));
                }
                out.println(many ? DecisionWriter.writeCompact(decision) : DecisionWriter.write(decision));
            }
            return Main.OK;
        } catch (IOException e) {
            err.println(log + ": cannot append to the decision log: " + e.getMessage());
            return Main.CANNOT_RUN;
        } catch (BundleFormatException e) {
            err.println(log + ": " + e.getMessage());
            return Main.CANNOT_RUN;
        }
    }
}
