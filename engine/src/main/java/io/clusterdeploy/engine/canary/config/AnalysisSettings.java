package io.clusterdeploy.engine.canary.config;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;

/**
 * The judgement settings of one metric, which our shape keeps on the metric itself and Kayenta's
 * under {@code analysisConfigurations.canary}: same names, same defaults, one reader.
 */
record AnalysisSettings(Direction direction, NanStrategy nanStrategy, Outliers outliers, boolean critical,
                        boolean mustHaveData, boolean muted, EffectSize effectSize, int minimumPoints) {
    static final int DEFAULT_MINIMUM_POINTS = 50;

    static AnalysisSettings read(Fields f, int defaultMinimumPoints) {
        Direction direction = choice(f, "direction", Direction.values(), Direction.EITHER);
        NanStrategy nanStrategy = choice(f, "nanStrategy", NanStrategy.values(), NanStrategy.REMOVE);
        Outliers outliers = outliers(f);
        boolean critical = f.optionalBoolean("critical", false);
        boolean mustHaveData = f.optionalBoolean("mustHaveData", false);
        boolean muted = f.optionalBoolean("muted", false);
        EffectSize effectSize = effectSize(f.object("effectSize"));
        int minimumPoints = f.optionalInt("minimumPoints", defaultMinimumPoints, 0, 1_000_000);
        return new AnalysisSettings(direction, nanStrategy, outliers, critical, mustHaveData, muted, effectSize,
                minimumPoints);
    }

    MetricConfig toMetric(String name, io.clusterdeploy.engine.canary.source.MetricQuery query,
                          java.util.List<String> groups) {
        return new MetricConfig(name, query, groups, direction, nanStrategy, outliers, critical, mustHaveData, muted,
                effectSize, minimumPoints);
    }

    /** {@code outliers: remove} or {@code outliers: {strategy: remove, outlierFactor: 3.0}}. */
    private static Outliers outliers(Fields f) {
        if (!f.has("outliers")) {
            return Outliers.KEEP;
        }
        Object raw = f.raw().get("outliers");
        if (raw instanceof CharSequence) {
            return new Outliers(choice(f, "outliers", OutlierStrategy.values(), OutlierStrategy.KEEP),
                    Outliers.DEFAULT_FACTOR);
        }
        Fields o = f.object("outliers");
        OutlierStrategy strategy = choice(o, "strategy", OutlierStrategy.values(), OutlierStrategy.KEEP);
        double factor = o.optionalDouble("outlierFactor", Outliers.DEFAULT_FACTOR, Double.MIN_VALUE, 1e6);
        o.rejectUnknown();
        return new Outliers(strategy, factor);
    }

    private static EffectSize effectSize(Fields e) {
        EffectMeasure measure = choice(e, "measure", EffectMeasure.values(), EffectMeasure.MEAN_RATIO);
        double neutral = measure.neutral();
        // A mean ratio is positive; a CLES is a probability.
        double min = measure == EffectMeasure.CLES ? 0 : Double.MIN_VALUE;
        double max = measure == EffectMeasure.CLES ? 1 : 1e9;
        double allowedIncrease = e.optionalDouble("allowedIncrease", neutral, min, max);
        double allowedDecrease = e.optionalDouble("allowedDecrease", neutral, min, max);
        double criticalIncrease = e.optionalDouble("criticalIncrease", neutral, min, max);
        double criticalDecrease = e.optionalDouble("criticalDecrease", neutral, min, max);
        e.rejectUnknown();
        return new EffectSize(measure, allowedIncrease, allowedDecrease, criticalIncrease, criticalDecrease);
    }

    static <E extends Enum<E> & ConfigValue> E choice(Fields f, String key, E[] values, E fallback) {
        String given = f.optionalString(key, null);
        if (given == null) {
            return fallback;
        }
        StringBuilder names = new StringBuilder();
        for (E v : values) {
            String name = v.configName();
            if (name.equals(given)) {
                return v;
            }
            names.append(names.length() == 0 ? "" : ", ").append(name);
        }
        throw ClusterDeployException.invalid(f.path(key),
                f.path(key) + " must be one of " + names + ", was '" + given + "'");
    }
}
