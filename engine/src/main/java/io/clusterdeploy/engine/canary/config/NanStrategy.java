package io.clusterdeploy.engine.canary.config;

/** What to do with missing points (NaN) of a series that has data. */
public enum NanStrategy implements ConfigValue {
    /** Drop them (Kayenta's default). */
    REMOVE("remove"),
    /** Count them as 0, for counters a source omits when nothing happened. */
    REPLACE("replace");

    private final String configName;

    NanStrategy(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
