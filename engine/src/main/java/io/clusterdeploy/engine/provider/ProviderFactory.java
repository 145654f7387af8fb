package io.clusterdeploy.engine.provider;

import java.util.Map;

/**
 * Builds a {@link CloudProvider} for one account from its configuration. Providers register an
 * implementation with {@link java.util.ServiceLoader}, so front ends (standalone, Jenkins) find
 * them without naming them.
 */
public interface ProviderFactory {

    /** Provider type as written in configuration: {@code local}, {@code kubernetes}, {@code aws}. */
    String type();

    /**
     * Validates the account's settings and builds its provider. Settings are plain maps from a
     * safe YAML or JSON parse; secrets arrive already resolved through {@code secrets}.
     * Unknown keys and bad values are errors naming the field.
     */
    CloudProvider create(String accountName, Map<String, Object> settings, SecretResolver secrets);

    /**
     * Checks an account's settings as {@link #create} would, but creates nothing (no directory,
     * no connection), so that a front end can refuse a whole configuration before building any of it.
     */
    default void validate(String accountName, Map<String, Object> settings) {
    }
}
