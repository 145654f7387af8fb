package io.clusterdeploy.engine.canary.stats;

import org.apache.commons.math3.special.Erf;

/**
 * The two-sided Mann-Whitney U (Wilcoxon rank-sum) test with the confidence interval and
 * Hodges-Lehmann estimate of the location shift, agreeing with R's
 * {@code wilcox.test(x, y, conf.int = TRUE, conf.level = level)}.
 *
 * <p>Exact regime (both samples under 50, no ties), as R: the p-value from the exact null
 * distribution; the interval [d(q), d(nm − q + 1)] of the sorted pairwise differences d with
 * q = qwilcox(α/2, n, m) (1 when that is 0); the estimate median(d). Identical to R's numbers.
 *
 * <p>Normal regime (ties, or a sample of 50 or more): the p-value from the normal approximation
 * with continuity correction and tie-corrected variance, as R. For the interval R inverts the test
 * with {@code uniroot(tol = 1e-4)}: it looks for the shift δ where the standardised statistic
 * W(δ) = (U(δ) − nm/2 − ½·sign(U(δ) − nm/2)) / σ equals ±z, U(δ) counting the differences above δ.
 * Between two consecutive differences U(δ) is constant and so is σ (the ties of x − δ and y are
 * then only those within each sample), so W is a falling step function whose jumps sit on the
 * differences themselves. Its crossing of z is therefore exactly the difference of rank
 * j = ⌊nm/2 − ½ − zσ⌋ + 1, and that of −z the one of rank ⌊nm/2 + ½ + zσ⌋ + 1 (clamped to
 * 1..nm, where R returns the extremes). R's estimate is the root of W without the correction, which
 * is the median of the differences, the true Hodges-Lehmann estimate. We select those order
 * statistics ({@link PairwiseDifferences}) instead of root-finding, so our bounds are the exact
 * crossings R approximates to 1e-4.
 *
 * <p>Where R cannot answer we still do: two constant samples (R's interval fails on σ = 0 at the
 * single shift, Kayenta adds noise) give the degenerate interval at the one difference; a single
 * value shared by all observations gives p = 1 (R: NaN).
 */
public final class MannWhitney {
    private static final double SQRT2 = Math.sqrt(2);
    private static final int EXACT_LIMIT = 50;

    private MannWhitney() {
    }

    public static MannWhitneyResult test(double[] canary, double[] baseline, double confidenceLevel) {
        return test(SortedSample.of(canary), SortedSample.of(baseline), confidenceLevel);
    }

    public static MannWhitneyResult test(SortedSample canary, SortedSample baseline, double confidenceLevel) {
        if (canary.isEmpty() || baseline.isEmpty()) {
            throw new IllegalArgumentException("the Mann-Whitney test needs values on both sides");
        }
        if (!(confidenceLevel > 0 && confidenceLevel < 1)) {
            throw new IllegalArgumentException("confidence level must be in (0, 1), was " + confidenceLevel);
        }
        int n = canary.size();
        int m = baseline.size();
        double nm = (double) n * m;
        long pairs = (long) n * m;
        double alpha = 1 - confidenceLevel;
        Ranks ranks = Ranks.of(canary.sorted(), baseline.sorted());
        double statistic = ranks.statistic();
        PairwiseDifferences differences = new PairwiseDifferences(canary, baseline);

        if (n < EXACT_LIMIT && m < EXACT_LIMIT && !ranks.hasTies()) {
            WilcoxonDistribution distribution = new WilcoxonDistribution(n, m);
            long w = (long) statistic;
            double p = statistic > nm / 2 ? distribution.survival(w) : distribution.cdf(w);
            double pValue = Math.min(2 * p, 1);
            int q = distribution.quantile(alpha / 2);
            if (q == 0) {
                q = 1;
            }
            double achievedAlpha = 2 * distribution.cdf(q - 1L);
            double level = achievedAlpha - alpha > alpha / 2 ? 1 - achievedAlpha : confidenceLevel;
            double[] bounds = intervalAndEstimate(differences, q, pairs - q + 1);
            return new MannWhitneyResult(MannWhitneyResult.Method.EXACT, statistic, pValue, bounds[0], bounds[1],
                    level, bounds[2], pairs);
        }

        double size = n + m;
        double sigma = Math.sqrt((nm / 12) * ((size + 1) - ranks.tieTerm() / (size * (size - 1))));
        double centred = statistic - nm / 2;
        double pValue;
        if (sigma == 0) {
            pValue = 1;
        } else {
            double z = (centred - Math.signum(centred) * 0.5) / sigma;
            // 2·min(Φ(z), Φ(−z)) = erfc(|z|/√2), without the cancellation of 1 − Φ.
            pValue = Math.min(1, Erf.erfc(Math.abs(z) / SQRT2));
        }
        double withinSampleTies = canary.tieTerm() + baseline.tieTerm();
        double sigmaBetween = Math.sqrt((nm / 12) * ((size + 1) - withinSampleTies / (size * (size - 1))));
        double z = upperQuantile(alpha / 2);
        long lowerRank = clamp((long) Math.floor(nm / 2 - 0.5 - z * sigmaBetween) + 1, pairs);
        long upperRank = clamp((long) Math.floor(nm / 2 + 0.5 + z * sigmaBetween) + 1, pairs);
        double[] bounds = intervalAndEstimate(differences, lowerRank, upperRank);
        return new MannWhitneyResult(MannWhitneyResult.Method.NORMAL, statistic, pValue, bounds[0], bounds[1],
                confidenceLevel, bounds[2], pairs);
    }

    /** The differences of ranks lower and upper and the median of all, selected together: {lower, upper, median}. */
    private static double[] intervalAndEstimate(PairwiseDifferences differences, long lowerRank, long upperRank) {
        long pairs = differences.size();
        long lowMiddle = (pairs + 1) / 2;
        long highMiddle = pairs / 2 + 1;
        long[] ranks = java.util.stream.LongStream.of(lowerRank, lowMiddle, highMiddle, upperRank)
                .sorted().distinct().toArray();
        double[] values = differences.selectRanks(ranks);
        java.util.function.LongToDoubleFunction at = rank -> values[java.util.Arrays.binarySearch(ranks, rank)];
        return new double[] {at.applyAsDouble(lowerRank), at.applyAsDouble(upperRank),
                (at.applyAsDouble(lowMiddle) + at.applyAsDouble(highMiddle)) / 2};
    }

    /** The standard normal quantile of 1 − p (R's qnorm(p, lower.tail = FALSE)). */
    static double upperQuantile(double p) {
        return SQRT2 * Erf.erfcInv(2 * p);
    }

    private static long clamp(long rank, long pairs) {
        return Math.max(1, Math.min(pairs, rank));
    }

    /** The rank statistic of the two samples merged at shift 0, and the ties across them. */
    private record Ranks(double statistic, double tieTerm) {
        static Ranks of(double[] x, double[] y) {
            // Twice W, counted exactly: each x beats the y values below it and half-beats equal ones.
            long twiceW = 0;
            double ties = 0;
            int i = 0;
            int j = 0;
            while (i < x.length || j < y.length) {
                double v = i < x.length && (j >= y.length || x[i] <= y[j]) ? x[i] : y[j];
                int xs = 0;
                while (i < x.length && x[i] == v) {
                    xs++;
                    i++;
                }
                int ysBelow = j;
                int ys = 0;
                while (j < y.length && y[j] == v) {
                    ys++;
                    j++;
                }
                twiceW += (long) xs * (2L * ysBelow + ys);
                double t = xs + ys;
                if (t > 1) {
                    ties += t * t * t - t;
                }
            }
            return new Ranks(twiceW / 2.0, ties);
        }

        boolean hasTies() {
            return tieTerm > 0;
        }
    }
}
