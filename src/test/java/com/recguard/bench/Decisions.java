package com.recguard.bench;

import com.recguard.core.Evaluator;
import com.recguard.model.Bundle;
import java.util.List;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** The shipped pack and 512 generated bundles (the realistic mix), shared by every thread. */
@State(Scope.Benchmark)
public class Decisions {
    Evaluator evaluator;
    String[] json;
    Bundle[] bundles;

    @Setup(Level.Trial)
    public void setUp() {
        evaluator = new Evaluator(BenchCorpus.shippedPack());
        List<String> j = BenchCorpus.json(BenchCorpus.SIZE, 1);
        json = j.toArray(String[]::new);
        bundles = BenchCorpus.parse(j).toArray(Bundle[]::new);
        // Every bundle must evaluate (a contradiction would make the numbers meaningless); then warm up.
        for (Bundle b : bundles) {
            evaluator.evaluate(b);
        }
        BenchCorpus.warmUp(evaluator, j, 10_000);
    }

    /** Each thread walks the corpus from its own starting point. */
    @State(Scope.Thread)
    public static class Cursor {
        private static final java.util.concurrent.atomic.AtomicInteger THREADS = new java.util.concurrent.atomic.AtomicInteger();
        int next = THREADS.getAndIncrement() * 97;

        int next(int size) {
            int i = next;
            next = (i + 1) % size;
            return i % size;
        }
    }
}
