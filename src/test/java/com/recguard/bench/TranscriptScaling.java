package com.recguard.bench;

import com.recguard.core.Evaluator;
import com.recguard.json.BundleFormatException;
import com.recguard.json.BundleReader;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per decision as transcripts grow: the same conversations with 1x, 10x and 100x the
 * utterances (about 10, 100 and 1,000 lines; the decisions do not change).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Duser.timezone=UTC"})
@Threads(1)
public class TranscriptScaling {

    @Param({"1", "10", "100"})
    int scale;

    Evaluator evaluator;
    String[] json;
    Bundle[] bundles;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        evaluator = new Evaluator(BenchCorpus.shippedPack());
        BenchCorpus.warmUp(evaluator);
        List<String> j = BenchCorpus.json(128, scale);
        json = j.toArray(String[]::new);
        bundles = BenchCorpus.parse(j).toArray(Bundle[]::new);
    }

    @Benchmark
    public Decision readEvaluate() throws BundleFormatException {
        next = (next + 1) % json.length;
        return evaluator.evaluate(BundleReader.read(json[next]));
    }

    @Benchmark
    public Decision evaluate() {
        next = (next + 1) % bundles.length;
        return evaluator.evaluate(bundles[next]);
    }
}
