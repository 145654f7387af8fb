package io.clusterdeploy.engine.canary.config;

/** An enumerated config value with the exact spelling configs use (Kayenta's spelling). */
public interface ConfigValue {
    String configName();
}
