package com.recguard.bench;

import com.recguard.core.Evaluator;
import com.recguard.model.Bundle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What each rule costs: the CPU time per decision of the whole pack, and of the pack without
 * each DRL file in turn, over the realistic mix. The difference is what the rule and whatever
 * only it makes possible (conclusions other rules then react to) cost. A rough instrument (one
 * JVM, CPU time of this thread), for deciding where to look, not a JMH benchmark.
 *
 * <p>Usage: {@code java -cp <test classpath> com.recguard.bench.RuleCost [decisions]}.
 */
public final class RuleCost {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 6000;
        List<Bundle> bundles = BenchCorpus.parse(BenchCorpus.json(BenchCorpus.SIZE, 1));
        Path rules = BenchCorpus.rulesDir();
        List<String> drl;
        try (Stream<Path> walk = Files.walk(rules)) {
            // config/ is the configuration-audit pack: leaving one of its files out does not change the conversation pack.
            drl = walk.map(p -> rules.relativize(p).toString())
                    .filter(f -> f.endsWith(".drl") && !f.startsWith("config")).sorted().toList();
        }
        Evaluator full = new Evaluator(BenchCorpus.shippedPack());
        measure(full, bundles, 4 * n);
        double base = median(full, bundles, n);
        System.out.printf(Locale.ROOT, "whole pack: %.1f µs CPU per decision (%d decisions x 3, median)%n%n", base, n);
        System.out.println("| rule file left out | whole pack µs/decision (beside it) | without it | saved µs | share of the whole |");
        System.out.println("|---|---|---|---|---|");
        List<String[]> rows = new ArrayList<>();
        for (String file : drl) {
            Path copy = copyWithout(rules, file);
            Evaluator e = new Evaluator(BenchCorpus.load(copy));
            measure(e, bundles, 4 * n);    // warmed as the whole pack was: a fresh pack's constraints are interpreted at first
            // The whole pack again, right beside the variant: on a shared machine the load moves
            // within minutes, and a baseline from the start of the run would measure that instead.
            double[] pair = adjacent(full, e, bundles, n);
            double whole = pair[0];
            double t = pair[1];
            rows.add(new String[] {file, String.format(Locale.ROOT, "%.1f", whole), String.format(Locale.ROOT, "%.1f", t),
                    String.format(Locale.ROOT, "%.1f", whole - t), String.format(Locale.ROOT, "%.0f %%", 100 * (whole - t) / whole)});
        }
        rows.sort((a, b) -> Double.compare(Double.parseDouble(b[3]), Double.parseDouble(a[3])));
        for (String[] r : rows) {
            System.out.println("| " + String.join(" | ", r) + " |");
        }
    }

    /** The whole pack and the variant measured in alternation, three times each: the two medians. */
    private static double[] adjacent(Evaluator whole, Evaluator variant, List<Bundle> bundles, int n) {
        double[] w = new double[3];
        double[] v = new double[3];
        for (int i = 0; i < 3; i++) {
            w[i] = measure(whole, bundles, n);
            v[i] = measure(variant, bundles, n);
        }
        java.util.Arrays.sort(w);
        java.util.Arrays.sort(v);
        return new double[] {w[1], v[1]};
    }

    private static double median(Evaluator e, List<Bundle> bundles, int n) {
        double[] t = {measure(e, bundles, n), measure(e, bundles, n), measure(e, bundles, n)};
        java.util.Arrays.sort(t);
        return t[1];
    }

    /** CPU µs per decision of this thread over n decisions. */
    private static double measure(Evaluator e, List<Bundle> bundles, int n) {
        long before = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < n; i++) {
            e.evaluate(bundles.get(i % bundles.size()));
        }
        return (CPU.getCurrentThreadCpuTime() - before) / 1000.0 / n;
    }

    private static Path copyWithout(Path rules, String left) {
        try {
            Path dir = Files.createTempDirectory("recguard-rulecost-");
            try (Stream<Path> walk = Files.walk(rules)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    String rel = rules.relativize(p).toString();
                    if (rel.equals(left)) {
                        continue;
                    }
                    Path target = dir.resolve(rel);
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
            return dir;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
