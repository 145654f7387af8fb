package io.clusterdeploy.engine.canary.config;

/** Which change of a metric fails the canary. */
public enum Direction implements ConfigValue {
    /** Only a higher canary fails (latency, errors). */
    INCREASE("increase"),
    /** Only a lower canary fails (throughput, cache hit ratio). */
    DECREASE("decrease"),
    /** Either change fails (Kayenta's default). */
    EITHER("either");

    private final String configName;

    Direction(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }

    public boolean judgesIncrease() {
        return this != DECREASE;
    }

    public boolean judgesDecrease() {
        return this != INCREASE;
    }
}
