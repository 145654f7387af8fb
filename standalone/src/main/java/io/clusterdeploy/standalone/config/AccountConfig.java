package io.clusterdeploy.standalone.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One configured account.
 *
 * @param name     account name, unique in the config
 * @param type     provider type, e.g. {@code local}
 * @param settings everything else the account's entry holds, handed to the provider as is
 * @param protectedAccount {@code protected: true}: destructive changes through the API need the account's name typed
 */
public record AccountConfig(String name, String type, Map<String, Object> settings, boolean protectedAccount) {
    public AccountConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        // LinkedHashMap: keep the order users wrote (and allow null values, unlike Map.copyOf).
        settings = settings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    /** Not protected. */
    public AccountConfig(String name, String type, Map<String, Object> settings) {
        this(name, type, settings, false);
    }

    /** The key of the account's entry that marks it protected; never handed to the provider. */
    public static final String PROTECTED = "protected";
}
