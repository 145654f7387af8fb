package io.clusterdeploy.engine.canary.judge;

import io.clusterdeploy.engine.canary.source.TimeSeries;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;

/** Deterministic test series: one point a minute from a fixed start. */
final class Series {
    static final Instant START = Instant.parse("2024-06-03T10:00:00Z");

    private Series() {
    }

    static TimeSeries of(double... values) {
        return TimeSeries.regular(START, Duration.ofMinutes(1), values);
    }

    static TimeSeries constant(int n, double value) {
        double[] v = new double[n];
        Arrays.fill(v, value);
        return of(v);
    }

    /** Log-normal values with the given median, like request latency. */
    static TimeSeries latency(long seed, int n, double median, double sigma) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = median * Math.exp(sigma * random.nextGaussian());
        }
        return of(v);
    }

    /** Poisson-like counts with the given rate per point. */
    static TimeSeries counts(long seed, int n, double rate) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double limit = Math.exp(-rate);
            double p = random.nextDouble();
            int k = 0;
            while (p > limit) {
                p *= random.nextDouble();
                k++;
            }
            v[i] = k;
        }
        return of(v);
    }

    static TimeSeries withGaps(TimeSeries series, int every) {
        double[] v = series.values();
        for (int i = 0; i < v.length; i += every) {
            v[i] = Double.NaN;
        }
        return of(v);
    }
}
