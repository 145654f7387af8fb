package io.clusterdeploy.engine.provider;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Account;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The configured accounts and their providers, looked up by name, and which of them are protected: on those, the
 * API takes a destructive change only with the account's name typed as {@code confirmAccount} (Deck's
 * {@code challengeDestructiveActions}).
 */
public final class Accounts implements AutoCloseable {
    private final Map<String, CloudProvider> byName;
    private final Set<String> protectedNames;

    public Accounts(List<CloudProvider> providers) {
        this(providers, Set.of());
    }

    /** @param protectedNames accounts whose destructive changes need the account's name confirmed; each must be one of them */
    public Accounts(List<CloudProvider> providers, Set<String> protectedNames) {
        Map<String, CloudProvider> map = new LinkedHashMap<>();
        for (CloudProvider p : providers) {
            if (map.putIfAbsent(p.account().name(), p) != null) {
                throw ClusterDeployException.invalid("accounts",
                        "account '" + p.account().name() + "' is defined twice");
            }
        }
        this.byName = Map.copyOf(map);
        this.order = List.copyOf(map.keySet());
        for (String name : protectedNames) {
            if (!map.containsKey(name)) {
                throw ClusterDeployException.invalid("accounts", "protected account '" + name + "' is not configured");
            }
        }
        this.protectedNames = Set.copyOf(protectedNames);
    }

    private final List<String> order;

    /** The same accounts with every provider wrapped, e.g. by traffic guards. */
    public Accounts map(java.util.function.UnaryOperator<CloudProvider> wrap) {
        return new Accounts(providers().stream().map(wrap).toList(), protectedNames);
    }

    /** Whether destructive changes on {@code name} need its name confirmed. */
    public boolean isProtected(String name) {
        return protectedNames.contains(name);
    }

    /** The protected accounts' names, sorted. */
    public Set<String> protectedNames() {
        return new TreeSet<>(protectedNames);
    }

    /** The provider of {@code name}; NOT_FOUND naming the field {@code account} otherwise. */
    public CloudProvider get(String name) {
        if (name == null || name.isBlank()) {
            throw ClusterDeployException.invalid("account", "account is required");
        }
        CloudProvider p = byName.get(name);
        if (p == null) {
            throw ClusterDeployException.notFound("account", "unknown account '" + name + "'");
        }
        return p;
    }

    public List<Account> list() {
        return order.stream().map(n -> byName.get(n).account()).toList();
    }

    public List<CloudProvider> providers() {
        return order.stream().map(byName::get).toList();
    }

    @Override
    public void close() {
        for (CloudProvider p : providers()) {
            p.close();
        }
    }

    /** {@link CloudProvider#release()} for every account: after a failed start, nothing that runs is stopped. */
    public void release() {
        for (CloudProvider p : providers()) {
            p.release();
        }
    }
}
