package io.clusterdeploy.engine.canary.config;

/** Whether to drop outliers beyond the IQR fences before comparing. */
public enum OutlierStrategy implements ConfigValue {
    KEEP("keep"),
    REMOVE("remove");

    private final String configName;

    OutlierStrategy(String configName) {
        this.configName = configName;
    }

    @Override
    public String configName() {
        return configName;
    }
}
