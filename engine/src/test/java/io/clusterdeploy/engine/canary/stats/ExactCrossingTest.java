package io.clusterdeploy.engine.canary.stats;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.canary.stats.GoldenVectors.Vector;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The normal-regime bounds are the exact crossings of R's standardised statistic W(δ), checked
 * against a literal rank-based W written here from R's definition (ranks of c(x − δ, y) with ties,
 * the tie-corrected σ, the continuity correction), evaluated just left and right of each bound.
 */
class ExactCrossingTest {
    private static final double Z = 2.3263478740408408;

    static Stream<Vector> normalVectors() {
        return GoldenVectors.vectors().stream()
                .filter(v -> v.method().equals("normal"))
                .filter(v -> (long) v.canary().length * v.baseline().length <= 400_000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalVectors")
    void boundsAreWhereWCrossesTheNormalQuantile(Vector v) {
        MannWhitneyResult r = MannWhitney.test(v.canary(), v.baseline(), 0.98);
        double[] d = PairwiseDifferencesTest.naive(v.canary(), v.baseline());
        assertCrossing(v, d, r.lower(), Z);
        assertCrossing(v, d, r.upper(), -Z);
    }

    private static void assertCrossing(Vector v, double[] sorted, double bound, double zq) {
        int at = Arrays.binarySearch(sorted, bound);
        assertThat(at).as("the bound is one of the differences").isGreaterThanOrEqualTo(0);
        // Differences that equal the bound but for rounding (k·0.005 − j·0.005) count as the bound.
        double eps = 1e-9 * Math.max(1e-3, Math.abs(bound));
        double left = previousDistinct(sorted, bound - eps);
        double right = nextDistinct(sorted, bound + eps);
        if (!Double.isNaN(left)) {
            assertThat(w(v.canary(), v.baseline(), (left + bound) / 2)).as("W left of %s", bound).isGreaterThan(zq);
        }
        if (!Double.isNaN(right)) {
            assertThat(w(v.canary(), v.baseline(), (bound + right) / 2)).as("W right of %s", bound).isLessThan(zq);
        }
    }

    private static double previousDistinct(double[] sorted, double v) {
        double best = Double.NaN;
        for (double d : sorted) {
            if (d < v) {
                best = d;
            }
        }
        return best;
    }

    private static double nextDistinct(double[] sorted, double v) {
        for (double d : sorted) {
            if (d > v) {
                return d;
            }
        }
        return Double.NaN;
    }

    /** R's W(d) from wilcox.test.default, by brute-force ranking. */
    static double w(double[] x, double[] y, double shift) {
        int n = x.length;
        int m = y.length;
        double[] all = new double[n + m];
        for (int i = 0; i < n; i++) {
            all[i] = x[i] - shift;
        }
        System.arraycopy(y, 0, all, n, m);
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        double rankSumX = 0;
        for (int i = 0; i < n; i++) {
            int first = lowerBound(sorted, all[i]);
            int last = upperBound(sorted, all[i]);
            rankSumX += (first + 1 + last) / 2.0;
        }
        double ties = 0;
        for (int i = 0; i < sorted.length; ) {
            int j = upperBound(sorted, sorted[i]);
            double t = j - i;
            ties += t * t * t - t;
            i = j;
        }
        double dz = rankSumX - n * (n + 1) / 2.0 - n * (double) m / 2;
        double sigma = Math.sqrt((n * (double) m / 12) * ((n + m + 1) - ties / ((n + m) * (double) (n + m - 1))));
        return (dz - Math.signum(dz) * 0.5) / sigma;
    }

    private static int lowerBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static int upperBound(double[] a, double v) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
