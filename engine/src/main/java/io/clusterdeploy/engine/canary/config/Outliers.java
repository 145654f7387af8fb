package io.clusterdeploy.engine.canary.config;

import java.util.Objects;

/**
 * Outlier handling: with {@link OutlierStrategy#REMOVE}, values below min(p1, Q1 − factor·IQR) or
 * above max(p99, Q3 + factor·IQR) of their own series are dropped (Kayenta's fences).
 */
public record Outliers(OutlierStrategy strategy, double factor) {
    public static final double DEFAULT_FACTOR = 3.0;
    public static final Outliers KEEP = new Outliers(OutlierStrategy.KEEP, DEFAULT_FACTOR);

    public Outliers {
        Objects.requireNonNull(strategy, "strategy");
        if (!(factor > 0) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("outlier factor must be positive, was " + factor);
        }
    }
}
