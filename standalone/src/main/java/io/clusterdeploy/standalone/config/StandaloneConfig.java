package io.clusterdeploy.standalone.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The standalone server's configuration.
 *
 * @param stateDir where the API token (and, by default, provider state) lives
 * @param accounts the accounts, in the order written
 */
public record StandaloneConfig(Path stateDir, List<AccountConfig> accounts) {
    public static final String DEFAULT_ACCOUNT = "local";
    public static final String LOCAL_TYPE = "local";

    public StandaloneConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        accounts = List.copyOf(accounts);
    }

    /** What runs without a config file: one {@code local} account keeping its state under {@code stateDir}. */
    public static StandaloneConfig defaults(Path stateDir) {
        return new StandaloneConfig(stateDir, List.of(new AccountConfig(DEFAULT_ACCOUNT, LOCAL_TYPE,
                Map.of("stateDir", stateDir.resolve("accounts").resolve(DEFAULT_ACCOUNT).toString()))));
    }
}
