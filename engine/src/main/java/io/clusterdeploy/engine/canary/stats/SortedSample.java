package io.clusterdeploy.engine.canary.stats;

import java.util.Arrays;

/**
 * A sample of finite values in ascending order, with the tie structure the rank statistics need.
 * Sorting once here serves the outlier fences, the identical-data check and the Mann-Whitney test.
 */
public final class SortedSample {
    private final double[] values;
    private final double tieTerm;

    private SortedSample(double[] sorted) {
        this.values = sorted;
        this.tieTerm = tieTerm(sorted);
    }

    /** Copies and sorts ({@link RadixSort}; −0.0 becomes 0.0); rejects NaN and infinities, which have no rank. */
    public static SortedSample of(double... values) {
        double[] copy = values.clone();
        for (double v : copy) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("a sample must hold finite values only, found " + v);
            }
        }
        RadixSort.sort(copy);
        return new SortedSample(copy);
    }

    public int size() {
        return values.length;
    }

    public boolean isEmpty() {
        return values.length == 0;
    }

    public double get(int i) {
        return values[i];
    }

    public double min() {
        return values[0];
    }

    public double max() {
        return values[values.length - 1];
    }

    /** A copy of the values, ascending. */
    public double[] toArray() {
        return values.clone();
    }

    /** The values without a copy, for this package's loops; callers never write to it. */
    double[] sorted() {
        return values;
    }

    /** Sum of t³ − t over the groups of t equal values: the tie correction of the rank-sum variance. */
    double tieTerm() {
        return tieTerm;
    }

    public boolean hasTies() {
        return tieTerm > 0;
    }

    /** The values within [lower, upper], still sorted; this sample itself when none falls outside. */
    public SortedSample within(double lower, double upper) {
        int from = 0;
        while (from < values.length && values[from] < lower) {
            from++;
        }
        int to = values.length;
        while (to > from && values[to - 1] > upper) {
            to--;
        }
        if (from == 0 && to == values.length) {
            return this;
        }
        return new SortedSample(Arrays.copyOfRange(values, from, to));
    }

    /** True when every value is the same (and there is at least one). */
    public boolean isConstant() {
        return values.length > 0 && values[0] == values[values.length - 1];
    }

    /** True when both hold the same values with the same multiplicities. */
    public boolean sameValuesAs(SortedSample other) {
        return Arrays.equals(values, other.values);
    }

    /** R's type-7 quantile (the default of R's quantile(), and commons-math's R_7), p in [0, 1]. */
    public double quantile(double p) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double h = (values.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, values.length - 1);
        return values[lo] + (h - lo) * (values[hi] - values[lo]);
    }

    public double mean() {
        if (values.length == 0) {
            return Double.NaN;
        }
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        double mean = sum / values.length;
        // One correction pass, as R's mean() does, so that a constant series has exactly its value as mean.
        double residual = 0;
        for (double v : values) {
            residual += v - mean;
        }
        return mean + residual / values.length;
    }

    /** Sample standard deviation (n − 1 in the denominator); 0 for fewer than two values. */
    public double standardDeviation() {
        if (values.length < 2) {
            return 0;
        }
        double mean = mean();
        double ss = 0;
        for (double v : values) {
            ss += (v - mean) * (v - mean);
        }
        return Math.sqrt(ss / (values.length - 1));
    }

    private static double tieTerm(double[] sorted) {
        double sum = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i + 1;
            while (j < sorted.length && sorted[j] == sorted[i]) {
                j++;
            }
            double t = j - i;
            if (t > 1) {
                sum += t * t * t - t;
            }
            i = j;
        }
        return sum;
    }
}
