package io.jenkins.plugins.clusterdeploy.config;

import io.clusterdeploy.engine.guard.TrafficGuard;
import io.clusterdeploy.engine.operation.OperationRetention;
import io.jenkins.plugins.clusterdeploy.account.AccountSpec;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole Cluster Deploy configuration as plain data: what the engine is built from and what the account policy
 * checks. Built from {@link ClusterDeployConfiguration}; compared to decide whether the engine must be rebuilt.
 *
 * @param accounts every configured account, enabled or not
 * @param guards   traffic guards
 * @param metricSources the metric sources as the engine's registry reads them, type to settings
 *                      ({@code MetricSourceTypes}; built by {@link MetricSourceSettings})
 */
public record EngineSpec(List<AccountSpec> accounts, List<TrafficGuard> guards, OperationRetention retention,
                         java.util.Map<String, Object> metricSources) {
    public EngineSpec {
        accounts = List.copyOf(accounts);
        guards = List.copyOf(guards);
        java.util.Objects.requireNonNull(retention, "retention");
        metricSources = metricSources == null ? java.util.Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metricSources));
    }

    public EngineSpec(List<AccountSpec> accounts, List<TrafficGuard> guards, OperationRetention retention) {
        this(accounts, guards, retention, java.util.Map.of());
    }

    /** The same spec with other metric source settings (their credentials resolved to references, say). */
    public EngineSpec withMetricSources(java.util.Map<String, Object> sources) {
        return new EngineSpec(accounts, guards, retention, sources);
    }

    public EngineSpec(List<AccountSpec> accounts, List<TrafficGuard> guards) {
        this(accounts, guards, OperationRetention.DEFAULT);
    }

    public static EngineSpec empty() {
        return new EngineSpec(List.of(), List.of());
    }

    /** The accounts whose providers run: the enabled ones. */
    public List<AccountSpec> runningAccounts() {
        return accounts.stream().filter(AccountSpec::enabled).toList();
    }

    /** Guards on running accounts (a guard on a disabled account has nothing to protect). */
    public List<TrafficGuard> runningGuards() {
        Set<String> running = runningAccounts().stream().map(AccountSpec::name).collect(Collectors.toSet());
        return guards.stream().filter(g -> running.contains(g.account())).toList();
    }

    /** The running accounts marked protected. */
    public Set<String> protectedAccounts() {
        return runningAccounts().stream().filter(AccountSpec::protectedAccount).map(AccountSpec::name)
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** What the engine is made of; allowlists do not matter to it, so changing them rebuilds nothing. */
    public Object engineKey() {
        return List.of(runningAccounts().stream().map(AccountSpec::providerKey).toList(), runningGuards(), retention,
                metricSources, protectedAccounts());
    }
}
