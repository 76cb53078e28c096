package com.recguard.bench;

import com.recguard.rules.RulePack;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Compiling the shipped rule pack (DRL and tables, what {@code recguard check} and every command
 * do first). Cold: the first compile in a fresh JVM, one per fork. Warm: a reload in a JVM that
 * has compiled before (what the service does on a rules change).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class RulePackCompile {

    @Benchmark
    @Fork(value = 3, jvmArgsAppend = {"-Duser.timezone=UTC"})
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public RulePack cold() {
        return BenchCorpus.shippedPack();
    }

    @Benchmark
    @Fork(value = 1, jvmArgsAppend = {"-Duser.timezone=UTC"})
    @Warmup(iterations = 5)
    @Measurement(iterations = 10)
    public RulePack warm() {
        return BenchCorpus.shippedPack();
    }
}
