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
 * Latency of one decision (p50, p99 from JMH's sampled times), for the same three operations
 * as {@link DecisionThroughput}, on one and on two threads.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Duser.timezone=UTC"})
public class DecisionLatency {

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
