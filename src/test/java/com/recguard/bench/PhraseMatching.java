package com.recguard.bench;

import com.recguard.model.Bundle;
import com.recguard.model.Utterance;
import com.recguard.phrase.PhraseMatcher;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/** The phrase matcher alone: one whole transcript (about a hundred utterances) per operation. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class PhraseMatching {

    @Param({"2", "2000"})
    int phrases;

    PhraseMatcher matcher;
    List<List<String>> transcripts;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        matcher = PhraseMatcher.of(BenchCorpus.lexicon(phrases));
        transcripts = new ArrayList<>();
        for (Bundle b : BenchCorpus.parse(BenchCorpus.json(128, 10))) {
            if (!b.transcript().isEmpty()) {
                transcripts.add(b.transcript().stream().map(Utterance::text).toList());
            }
        }
    }

    @Benchmark
    public void findInTranscript(Blackhole bh) {
        next = (next + 1) % transcripts.size();
        for (String text : transcripts.get(next)) {
            bh.consume(matcher.find(text));
        }
    }
}
