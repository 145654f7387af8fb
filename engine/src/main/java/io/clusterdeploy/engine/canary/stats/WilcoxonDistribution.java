package io.clusterdeploy.engine.canary.stats;

/**
 * The exact null distribution of the Mann-Whitney statistic U (pairs with x > y) for samples of
 * sizes m and n without ties, as R's pwilcox and qwilcox use it. Counts come from the recurrence
 * on the largest observation, f(m, n, k) = f(m − 1, n, k − n) + f(m, n − 1, k): only additions of
 * non-negative numbers, so the small tail counts stay exact and the large ones round at most once
 * per addition. Only the exact regime (both sizes under 50) uses it: at most 2,401 counts.
 */
final class WilcoxonDistribution {
    private static final double DBL_EPSILON = Math.ulp(1.0);
    private final int m;
    private final int n;
    private final double[] counts;
    private final double total;

    WilcoxonDistribution(int m, int n) {
        if (m < 1 || n < 1 || m > 200 || n > 200) {
            throw new IllegalArgumentException("exact distribution for sizes 1..200 only, got " + m + " and " + n);
        }
        this.m = m;
        this.n = n;
        this.counts = counts(m, n);
        double sum = 0;
        for (double c : counts) {
            sum += c;
        }
        this.total = sum;
    }

    private static double[] counts(int m, int n) {
        double[][] previous = new double[n + 1][];
        for (int j = 0; j <= n; j++) {
            previous[j] = new double[] {1};
        }
        for (int i = 1; i <= m; i++) {
            double[][] current = new double[n + 1][];
            current[0] = new double[] {1};
            for (int j = 1; j <= n; j++) {
                double[] withX = previous[j];
                double[] withY = current[j - 1];
                double[] f = new double[i * j + 1];
                for (int k = 0; k < f.length; k++) {
                    double c = k < withY.length ? withY[k] : 0;
                    int shifted = k - j;
                    if (shifted >= 0 && shifted < withX.length) {
                        c += withX[shifted];
                    }
                    f[k] = c;
                }
                current[j] = f;
            }
            previous = current;
        }
        return previous[n];
    }

    /** P(U ≤ q). */
    double cdf(long q) {
        if (q < 0) {
            return 0;
        }
        double p = 0;
        for (int k = 0; k <= Math.min(q, (long) m * n); k++) {
            p += counts[k] / total;
        }
        return Math.min(p, 1);
    }

    /** P(U ≥ q). */
    double survival(long q) {
        double p = 0;
        for (long k = Math.max(q, 0); k <= (long) m * n; k++) {
            p += counts[(int) k] / total;
        }
        return Math.min(p, 1);
    }

    /** The smallest q with P(U ≤ q) ≥ p, with qwilcox's allowance of 10 ulps for rounding. */
    int quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], was " + p);
        }
        if (p == 0) {
            return 0;
        }
        if (p == 1) {
            return m * n;
        }
        double cumulative = 0;
        int q = 0;
        if (p <= 0.5) {
            double target = p - 10 * DBL_EPSILON;
            while (true) {
                cumulative += counts[q] / total;
                if (cumulative >= target) {
                    return q;
                }
                q++;
            }
        }
        double target = 1 - p + 10 * DBL_EPSILON;
        while (true) {
            cumulative += counts[q] / total;
            if (cumulative > target) {
                return m * n - q;
            }
            q++;
        }
    }
}
