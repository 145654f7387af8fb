package io.clusterdeploy.engine.canary.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterdeploy.engine.canary.stats.GoldenVectors.Vector;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Agreement with R's wilcox.test(canary, baseline, conf.int = TRUE, conf.level = 0.98), vector by vector. */
class MannWhitneyGoldenTest {
    private static final double LEVEL = 0.98;

    static Stream<Vector> vectors() {
        return GoldenVectors.vectors().stream();
    }

    @Test
    void theVectorsCoverBothRegimesAndLargeSamples() {
        List<Vector> all = GoldenVectors.vectors();
        assertThat(all).hasSizeGreaterThanOrEqualTo(60);
        assertThat(all).filteredOn(v -> v.method().equals("exact")).hasSizeGreaterThanOrEqualTo(15);
        assertThat(all).filteredOn(v -> v.method().equals("normal")).hasSizeGreaterThanOrEqualTo(30);
        assertThat(all).anyMatch(v -> v.canary().length >= 3000 || v.baseline().length >= 3000);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void agreesWithR(Vector v) {
        MannWhitneyResult r = MannWhitney.test(v.canary(), v.baseline(), LEVEL);

        assertThat(r.method().name().toLowerCase()).isEqualTo(v.method());
        assertThat(r.statistic()).isEqualTo(v.statistic());
        assertRelative(r.pValue(), v.pValue(), 1e-9);
        assertThat(r.confidenceLevel()).isCloseTo(v.confLevel(), within(1e-12));
        if (v.method().equals("exact")) {
            // R picks the interval and estimate from the same sorted differences: identical.
            assertThat(r.lower()).isEqualTo(v.lower());
            assertThat(r.upper()).isEqualTo(v.upper());
            assertThat(r.estimate()).isEqualTo(v.estimate());
        } else {
            // R root-finds to tol.root = 1e-4; ours are the exact crossings.
            assertThat(r.lower()).isCloseTo(v.lower(), within(1e-4));
            assertThat(r.upper()).isCloseTo(v.upper(), within(1e-4));
            assertThat(v.estimate()).isBetween(v.middleLow() - 1e-4, v.middleHigh() + 1e-4);
            assertThat(r.estimate()).isBetween(v.middleLow(), v.middleHigh());
            assertThat(r.estimate()).isEqualTo((v.middleLow() + v.middleHigh()) / 2);
        }
    }

    /** Relative agreement; below the normal range doubles carry no 1e-9 relative precision in any implementation. */
    private static void assertRelative(double actual, double expected, double tolerance) {
        if (Math.abs(expected) < Double.MIN_NORMAL) {
            assertThat(Math.abs(actual)).isLessThan(Double.MIN_NORMAL);
        } else {
            assertThat(Math.abs(actual - expected) / Math.abs(expected))
                    .as("relative error of %s against R's %s", actual, expected).isLessThanOrEqualTo(tolerance);
        }
    }

    @Test
    void exactQuantilesMatchQwilcoxForEverySizeOfTheExactRegime() {
        List<List<Number>> rows = GoldenVectors.table("qwilcox01");
        assertThat(rows).hasSize(49 * 49);
        for (List<Number> row : rows) {
            int m = row.get(0).intValue();
            int n = row.get(1).intValue();
            assertThat(new WilcoxonDistribution(m, n).quantile(0.01)).as("qwilcox(0.01, %d, %d)", m, n)
                    .isEqualTo(row.get(2).intValue());
        }
    }

    @Test
    void exactCumulativeProbabilitiesMatchPwilcox() {
        for (List<Number> row : GoldenVectors.table("pwilcox")) {
            int m = row.get(0).intValue();
            int n = row.get(1).intValue();
            int q = row.get(2).intValue();
            assertRelative(new WilcoxonDistribution(m, n).cdf(q), row.get(3).doubleValue(), 1e-9);
        }
    }

    @Test
    void normalQuantileIsRsQnorm() {
        // qnorm(0.01, lower.tail = FALSE) in R 4.2.2.
        assertThat(MannWhitney.upperQuantile(0.01)).isCloseTo(2.3263478740408408, within(1e-15));
    }
}
