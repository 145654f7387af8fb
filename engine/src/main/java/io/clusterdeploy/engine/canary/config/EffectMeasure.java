package io.clusterdeploy.engine.canary.config;

/** How the size of a significant change is measured against the allowed and critical thresholds. */
public enum EffectMeasure implements ConfigValue {
    /** Mean of the canary over mean of the baseline; thresholds default to 1.0. */
    MEAN_RATIO("meanRatio", 1.0),
    /** Common-language effect size: the probability that a canary value exceeds a baseline value; thresholds default to 0.5. */
    CLES("cles", 0.5);

    private final String configName;
    private final double neutral;

    EffectMeasure(String configName, double neutral) {
        this.configName = configName;
        this.neutral = neutral;
    }

    @Override
    public String configName() {
        return configName;
    }

    /** The value that means "no effect", every threshold's default. */
    public double neutral() {
        return neutral;
    }
}
