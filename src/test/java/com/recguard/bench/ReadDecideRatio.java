package com.recguard.bench;

import com.recguard.core.Evaluator;
import com.recguard.json.BundleFormatException;
import com.recguard.json.BundleReader;
import com.recguard.model.Bundle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The ratio of issue 13 (evaluate a parsed bundle against read the bundle) measured so that a busy
 * machine disturbs it least: the two operations alternate in short rounds of 2,000 each on one
 * thread, each round's ratio is taken from this thread's CPU time, and the median of the rounds is
 * reported. A neighbour that takes the core slows both halves of a round alike. A rough instrument
 * beside JMH's DecisionThroughput (which runs read and evaluate in separate forks, minutes apart),
 * and a quick one for before/after comparisons: run it on two builds, alternating.
 *
 * <p>Usage: {@code java -cp <test classpath> com.recguard.bench.ReadDecideRatio [rounds]}.
 */
public final class ReadDecideRatio {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static final int PER_ROUND = 2_000;

    public static void main(String[] args) throws BundleFormatException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        Evaluator evaluator = new Evaluator(BenchCorpus.shippedPack());
        List<String> json = BenchCorpus.json(BenchCorpus.SIZE, 1);
        Bundle[] bundles = BenchCorpus.parse(json).toArray(Bundle[]::new);
        BenchCorpus.warmUp(evaluator, json, 20_000);
        double[] read = new double[rounds];
        double[] evaluate = new double[rounds];
        double[] ratio = new double[rounds];
        Object sink = null;
        for (int k = 0; k < rounds; k++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < PER_ROUND; i++) {
                sink = BundleReader.read(json.get(i % json.size()));
            }
            long t1 = CPU.getCurrentThreadCpuTime();
            for (int i = 0; i < PER_ROUND; i++) {
                sink = evaluator.evaluate(bundles[i % bundles.length]);
            }
            long t2 = CPU.getCurrentThreadCpuTime();
            read[k] = (t1 - t0) / 1000.0 / PER_ROUND;
            evaluate[k] = (t2 - t1) / 1000.0 / PER_ROUND;
            ratio[k] = evaluate[k] / read[k];
        }
        if (sink == null) {
            throw new IllegalStateException("nothing was read or decided");
        }
        Arrays.sort(read);
        Arrays.sort(evaluate);
        Arrays.sort(ratio);
        System.out.printf(Locale.ROOT, "%d rounds of %d: read CPU µs/op median %.1f (min %.1f); evaluate median %.1f (min %.1f);"
                + " evaluate/read median %.2fx (quartiles %.2f–%.2f)%n", rounds, PER_ROUND, read[rounds / 2], read[0],
                evaluate[rounds / 2], evaluate[0], ratio[rounds / 2], ratio[rounds / 4], ratio[3 * rounds / 4]);
    }
}
