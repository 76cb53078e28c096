package com.recguard.bench;

import com.recguard.core.Evaluator;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;
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
 * Time per decision as the risk lexicon grows from the shipped 2 phrases to 200 and 2,000, on the
 * realistic mix with transcripts of realistic length.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Duser.timezone=UTC"})
@Threads(1)
public class LexiconScaling {

    @Param({"2", "200", "2000"})
    int phrases;

    /** Ten times the short transcripts of the decision benchmarks: about a hundred utterances, a real call's worth. */
    @Param({"10"})
    int transcriptScale;

    Evaluator evaluator;
    Bundle[] bundles;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        evaluator = new Evaluator(BenchCorpus.load(BenchCorpus.packWithLexicon(phrases)));
        BenchCorpus.warmUp(evaluator);
        bundles = BenchCorpus.parse(BenchCorpus.json(128, transcriptScale)).toArray(Bundle[]::new);
    }

    @Benchmark
    public Decision evaluate() {
        next = (next + 1) % bundles.length;
        return evaluator.evaluate(bundles[next]);
    }
}
