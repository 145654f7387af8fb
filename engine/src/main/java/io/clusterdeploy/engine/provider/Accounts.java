package io.clusterdeploy.engine.provider;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Account;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configured accounts and their providers, looked up by name. */
public final class Accounts implements AutoCloseable {
    private final Map<String, CloudProvider> byName;

    public Accounts(List<CloudProvider> providers) {
        Map<String, CloudProvider> map = new LinkedHashMap<>();
        for (CloudProvider p : providers) {
            if (map.putIfAbsent(p.account().name(), p) != null) {
                throw ClusterDeployException.invalid("accounts",
                        "account '" + p.account().name() + "' is defined twice");
            }
        }
        this.byName = Map.copyOf(map);
        this.order = List.copyOf(map.keySet());
    }

    private final List<String> order;

    /** The same accounts with every provider wrapped, e.g. by traffic guards. */
    public Accounts map(java.util.function.UnaryOperator<CloudProvider> wrap) {
        return new Accounts(providers().stream().map(wrap).toList());
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
