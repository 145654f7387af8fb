package io.clusterdeploy.bench;

import io.clusterdeploy.engine.canary.stats.MannWhitney;
import io.clusterdeploy.engine.canary.stats.MannWhitneyResult;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One metric's Mann-Whitney test (1,440 × 1,440 latencies) against the naive way to its interval:
 * materialise and sort all 2,073,600 pairwise differences, which is what the selection avoids.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MannWhitneyBenchmark {
    private double[] canary;
    private double[] baseline;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(5);
        canary = new double[1440];
        baseline = new double[1440];
        for (int i = 0; i < 1440; i++) {
            canary[i] = 0.11 * Math.exp(0.25 * random.nextGaussian());
            baseline[i] = 0.10 * Math.exp(0.25 * random.nextGaussian());
        }
    }

    @Benchmark
    public MannWhitneyResult selection() {
        return MannWhitney.test(canary, baseline, 0.98);
    }

    @Benchmark
    public double naiveSortedDifferences() {
        double[] d = new double[canary.length * baseline.length];
        int k = 0;
        for (double x : canary) {
            for (double y : baseline) {
                d[k++] = x - y;
            }
        }
        Arrays.sort(d);
        return d[d.length / 2] + d[1000] + d[d.length - 1000];
    }
}
