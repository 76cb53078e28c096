package com.recguard.cli;

import com.recguard.core.Evaluator;
import com.recguard.json.BundleFormatException;
import com.recguard.json.BundleReader;
import com.recguard.model.Action;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import com.recguard.model.Violation;
import com.recguard.rules.Explainer;
import com.recguard.rules.RuleExplanation;
import com.recguard.rules.RulePack;
import com.recguard.rules.RulePackException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "explain", mixinStandardHelpOptions = true, versionProvider = Version.class, description = {
        "Explain the decision for each conversation of a bundle or Genesys export in plain language: each rule that fired, its policy clause and",
        "the facts it matched; for each area, the rules that did not fire and the condition that failed first."})
final class ExplainCommand implements Callable<Integer> {

    @Mixin
    RulesOption rules;

    @Parameters(index = "0", paramLabel = "FILE", description = "Bundle or fixture JSON.")
    Path file;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RulePack pack = rules.loadCachedOrReport(err);
        if (pack == null) {
            return Main.CANNOT_RUN;
        }
        BundleReader.Batch batch;
        try {
            batch = BundleReader.readAll(Files.readString(file));
        } catch (IOException e) {
            err.println(file + ": cannot read: " + e.getMessage());
            return Main.CANNOT_RUN;
        } catch (BundleFormatException e) {
            err.println(file + ": " + e.getMessage());
            return Main.CANNOT_RUN;
        }
        if (!batch.recordingsSection()) {
            err.println(file + ": " + EvaluateCommand.NO_RECORDINGS_NOTE);
        }
        Evaluator evaluator = new Evaluator(pack);
        Explainer explainer;
        try {
            explainer = Explainer.of(pack);
        } catch (RulePackException e) {
            e.problems().forEach(err::println);
            return Main.CANNOT_RUN;
        }
        boolean first = true;
        for (Bundle bundle : batch.bundles()) {
            if (!first) {
                out.println();
                out.println("-".repeat(72));
                out.println();
            }
            first = false;
            explain(out, evaluator, explainer, bundle);
        }
        return Main.OK;
    }

    private static void explain(PrintWriter out, Evaluator evaluator, Explainer explainer, Bundle bundle) {
        Decision d = evaluator.evaluate(bundle);
        List<RuleExplanation> explanations = explainer.explain(evaluator.facts(bundle), new HashSet<>(d.firedRules()));
        printDecision(out, d);
        Map<String, List<RuleExplanation>> byArea = explanations.stream()
                .collect(Collectors.groupingBy(e -> e.rule().area(), LinkedHashMap::new, Collectors.toList()));
        byArea.forEach((area, list) -> {
            out.println();
            out.println("== " + area + " ==");
            list.stream().filter(RuleExplanation::fired).forEach(e -> printFired(out, e));
            list.stream().filter(e -> !e.fired()).forEach(e -> printNotFired(out, e));
        });
    }

    private static void printDecision(PrintWriter out, Decision d) {
        out.println("Conversation " + d.conversationId() + ", decided by rule pack " + d.rulePack());
        out.println("  recording " + d.recording() + "; consent " + d.consent() + "; zone " + d.residencyZone()
                + ", archived in " + d.archiveRegion() + "; retained until " + d.retainUntil());
        out.println("  legal hold: " + (d.legalHold() ? "yes, " + String.join(", ", d.holdReasons()) : "no"));
        if (d.violations().isEmpty()) {
            out.println("  no violations");
        }
        for (Violation v : d.violations()) {
            out.println("  violation " + v.code() + " (" + v.rule() + "): " + v.detail());
        }
        for (Action a : d.actions()) {
            out.println("  action " + a.type() + (a.params().isEmpty() ? "" : " " + a.params()));
        }
    }

    private static void printFired(PrintWriter out, RuleExplanation e) {
        out.println("  FIRED      " + e.rule().id() + "  " + e.rule().name());
        if (!e.clause().isEmpty()) {
            out.println("             why: " + e.clause());
        }
        e.matches().stream().flatMap(List::stream).distinct()
                .forEach(fact -> out.println("             matched " + RuleExplanation.describe(fact)));
    }

    private static void printNotFired(PrintWriter out, RuleExplanation e) {
        out.println("  not fired  " + e.rule().id() + "  " + e.rule().name());
        if (e.failedAt() > 0) {
            out.println("             condition " + e.failedAt() + " (line " + e.line() + ") does not hold: "
                    + e.condition().replaceAll("\\s+", " "));
        } else {
            out.println("             every condition held, but its conclusion was withdrawn when a later fact"
                    + " contradicted it, or equals another rule's");
        }
    }

}
