package io.clusterdeploy.engine.canary.report;

import io.clusterdeploy.engine.canary.config.EffectMeasure;
import io.clusterdeploy.engine.canary.stats.MannWhitneyResult;
import java.util.Objects;

/**
 * The Mann-Whitney comparison of a metric and the effect sizes, each number computed once.
 *
 * @param test          p-value, interval and Hodges-Lehmann estimate of the shift canary − baseline
 * @param toleranceBand 0.25·|estimate|: the interval must clear ±band to count as a change
 * @param meanRatio     mean of the canary over mean of the baseline (NaN when the baseline's is 0)
 * @param cles          probability that a canary value exceeds a baseline value
 * @param measure       the effect measure the thresholds apply to
 */
public record Comparison(MannWhitneyResult test, double toleranceBand, double meanRatio, double cles,
                         EffectMeasure measure) {
    public Comparison {
        Objects.requireNonNull(test, "test");
        Objects.requireNonNull(measure, "measure");
    }

    /** The effect size the thresholds are compared with. */
    public double effectSize() {
        return measure == EffectMeasure.CLES ? cles : meanRatio;
    }

    /** The interval clears the band upwards: a significant increase. */
    public boolean significantIncrease() {
        return test.lower() > toleranceBand;
    }

    /** The interval clears the band downwards: a significant decrease. */
    public boolean significantDecrease() {
        return test.upper() < -toleranceBand;
    }
}
