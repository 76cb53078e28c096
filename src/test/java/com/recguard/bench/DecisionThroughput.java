package com.recguard.bench;

import com.recguard.json.BundleFormatException;
import com.recguard.json.BundleReader;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decisions per second: reading the bundle JSON alone (the floor), reading and evaluating, and
 * evaluating a parsed bundle, on one and on two threads. Ops/s per core is the score divided by the threads.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Duser.timezone=UTC"})
public class DecisionThroughput {

    @Benchmark
    @Threads(1)
    public Bundle read_1t(Decisions d, Decisions.Cursor c) throws BundleFormatException {
        return BundleReader.read(d.json[c.next(d.json.length)]);
    }

    @Benchmark
    @Threads(1)
    public Decision readEvaluate_1t(Decisions d, Decisions.Cursor c) throws BundleFormatException {
        return d.evaluator.evaluate(BundleReader.read(d.json[c.next(d.json.length)]));
    }

    @Benchmark
    @Threads(1)
    public Decision evaluate_1t(Decisions d, Decisions.Cursor c) {
        return d.evaluator.evaluate(d.bundles[c.next(d.bundles.length)]);
    }

    @Benchmark
    @Threads(2)
    public Bundle read_2t(Decisions d, Decisions.Cursor c) throws BundleFormatException {
        return BundleReader.read(d.json[c.next(d.json.length)]);
    }

    @Benchmark
    @Threads(2)
    public Decision readEvaluate_2t(Decisions d, Decisions.Cursor c) throws BundleFormatException {
        return d.evaluator.evaluate(BundleReader.read(d.json[c.next(d.json.length)]));
    }

    @Benchmark
    @Threads(2)
    public Decision evaluate_2t(Decisions d, Decisions.Cursor c) {
        return d.evaluator.evaluate(d.bundles[c.next(d.bundles.length)]);
    }
}
