package com.recguard.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time per operation, summed over the JVM's Java threads (the benchmark threads, all but
 * idle). On a shared machine a thread may get a fraction of a core, so wall-clock ops/s measure
 * the scheduler as much as the code; CPU µs per op does not, and is what the ratios in
 * BENCHMARKS.md are computed from. {@code cpu.share} says how much of its cores the run got
 * (1.0 = every benchmark thread had a core to itself).
 *
 * <p>Use: {@code -prof com.recguard.bench.CpuProfiler} (bin/bench adds it).
 */
public final class CpuProfiler implements InternalProfiler {

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private long cpuBefore;
    private long wallBefore;

    @Override
    public String getDescription() {
        return "CPU time per operation (sum over Java threads), immune to how much CPU the scheduler gave";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        wallBefore = System.nanoTime();
        cpuBefore = cpuNow();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
            IterationResult result) {
        long cpu = cpuNow() - cpuBefore;
        long wall = System.nanoTime() - wallBefore;
        long ops = result.getMetadata().getMeasuredOps();
        if (ops <= 0) {
            return List.of();
        }
        return List.of(
                new ScalarResult("cpu.us/op", cpu / 1000.0 / ops, "us/op", AggregationPolicy.AVG),
                new ScalarResult("cpu.share", (double) cpu / wall / benchmarkParams.getThreads(), "cores/thread", AggregationPolicy.AVG));
    }

    private long cpuNow() {
        long sum = 0;
        for (long id : threads.getAllThreadIds()) {
            long t = threads.getThreadCpuTime(id);
            if (t > 0) {
                sum += t;
            }
        }
        return sum;
    }
}
