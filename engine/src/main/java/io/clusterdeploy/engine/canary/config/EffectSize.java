package io.clusterdeploy.engine.canary.config;

import java.util.Objects;

/**
 * Thresholds on the effect size of a significant change. A change is High only if the effect is at
 * least {@code allowedIncrease}, Low only if at most {@code allowedDecrease}; a critical metric's
 * High (Low) fails the whole analysis when the effect is at least {@code criticalIncrease} (at
 * most {@code criticalDecrease}). Every default is the measure's neutral value, as in Kayenta.
 */
public record EffectSize(EffectMeasure measure, double allowedIncrease, double allowedDecrease,
                         double criticalIncrease, double criticalDecrease) {
    public EffectSize {
        Objects.requireNonNull(measure, "measure");
    }

    public static EffectSize defaults(EffectMeasure measure) {
        double v = measure.neutral();
        return new EffectSize(measure, v, v, v, v);
    }
}
