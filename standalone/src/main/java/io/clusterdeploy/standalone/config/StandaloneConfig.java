package io.clusterdeploy.standalone.config;

import io.clusterdeploy.engine.guard.TrafficGuard;
import io.clusterdeploy.engine.operation.OperationRetention;
import io.clusterdeploy.standalone.hooks.HookHosts;
import io.clusterdeploy.standalone.notify.WebhookConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The standalone server's configuration.
 *
 * @param stateDir where the API token (and, by default, provider state) lives
 * @param accounts the accounts, in the order written
 * @param trafficGuards clusters that must never be left without an enabled, up instance
 * @param webhooks where to POST operation events
 * @param validationHooks where rolling red/black's validation hooks may connect
 * @param retention how many finished operations are kept, and for how long
 * @param metricSources the {@code metricSources} section as written (type to settings), checked and built by
 *                      {@link MetricSourcesBuilder}; empty: only the default {@code local} source
 */
public record StandaloneConfig(Path stateDir, List<AccountConfig> accounts, List<TrafficGuard> trafficGuards,
                               List<WebhookConfig> webhooks, HookHosts validationHooks, OperationRetention retention,
                               Map<String, Object> metricSources) {
    public static final String DEFAULT_ACCOUNT = "local";
    public static final String LOCAL_TYPE = "local";

    public StandaloneConfig {
        Objects.requireNonNull(stateDir, "stateDir");
        accounts = List.copyOf(accounts);
        trafficGuards = List.copyOf(trafficGuards);
        webhooks = List.copyOf(webhooks);
        Objects.requireNonNull(validationHooks, "validationHooks");
        Objects.requireNonNull(retention, "retention");
        metricSources = metricSources == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metricSources));
    }

    public StandaloneConfig(Path stateDir, List<AccountConfig> accounts, List<TrafficGuard> trafficGuards,
                            List<WebhookConfig> webhooks, HookHosts validationHooks, OperationRetention retention) {
        this(stateDir, accounts, trafficGuards, webhooks, validationHooks, retention, Map.of());
    }

    public StandaloneConfig(Path stateDir, List<AccountConfig> accounts, List<TrafficGuard> trafficGuards,
                            List<WebhookConfig> webhooks, HookHosts validationHooks) {
        this(stateDir, accounts, trafficGuards, webhooks, validationHooks, OperationRetention.DEFAULT);
    }

    public StandaloneConfig(Path stateDir, List<AccountConfig> accounts) {
        this(stateDir, accounts, List.of(), List.of(), HookHosts.loopbackOnly());
    }

    /** Where an account's provider keeps its state when its settings do not say. */
    public static Path accountStateDir(Path stateDir, String account) {
        return stateDir.resolve("accounts").resolve(account);
    }

    /** What runs without a config file: one {@code local} account keeping its state under {@code stateDir}. */
    public static StandaloneConfig defaults(Path stateDir) {
        return new StandaloneConfig(stateDir, List.of(new AccountConfig(DEFAULT_ACCOUNT, LOCAL_TYPE,
                Map.of("stateDir", accountStateDir(stateDir, DEFAULT_ACCOUNT).toString()))));
    }
}
