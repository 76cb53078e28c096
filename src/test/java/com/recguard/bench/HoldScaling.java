package com.recguard.bench;

import com.recguard.core.Evaluator;
import com.recguard.model.Bundle;
import com.recguard.model.Decision;
import com.recguard.model.LegalHold;
import java.time.LocalDate;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time per decision with 1, 100 and 10,000 legal holds in force. The service reads holds from its
 * register, not from each event, so every bundle carries the same register (one list) and the
 * time measured is evaluation, not JSON. The register looks like a real one: custodian holds
 * naming a few people and a date range, some date-only holds, a few term holds.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 4, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Duser.timezone=UTC"})
@Threads(1)
public class HoldScaling {

    @Param({"1", "100", "10000"})
    int holds;

    Evaluator evaluator;
    Bundle[] bundles;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        evaluator = new Evaluator(BenchCorpus.shippedPack());
        BenchCorpus.warmUp(evaluator);
        List<LegalHold> register = register(holds);
        List<Bundle> parsed = BenchCorpus.parse(BenchCorpus.json(128, 1));
        bundles = parsed.stream().map(b -> new Bundle(b.conversation(), b.recordings(), b.recordingStops(), b.ivr(),
                b.transcript(), register, b.evaluatedAt(), true)).toArray(Bundle[]::new);
    }

    /** Hold 0 names advisor u-adv-01 for 2026, so a few calls are held; the rest name other people or dates. */
    static List<LegalHold> register(int n) {
        List<LegalHold> out = new ArrayList<>(n);
        out.add(new LegalHold("LH-0", List.of("u-adv-01"), LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), List.of()));
        for (int i = 1; i < n; i++) {
            String id = "LH-" + i;
            if (i % 20 == 0) {
                out.add(new LegalHold(id, List.of(), null, null, List.of("matter " + i)));
            } else if (i % 10 == 0) {
                out.add(new LegalHold(id, List.of(), LocalDate.of(2025, 1 + i % 12, 1), LocalDate.of(2025, 1 + i % 12, 28), List.of()));
            } else {
                out.add(new LegalHold(id, List.of("u-custodian-" + i, "u-custodian-" + (i + 1)), LocalDate.of(2024, 1, 1),
                        i % 3 == 0 ? null : LocalDate.of(2027, 1, 1), List.of()));
            }
        }
        return List.copyOf(out);
    }

    @Benchmark
    public Decision evaluate() {
        next = (next + 1) % bundles.length;
        return evaluator.evaluate(bundles[next]);
    }
}
