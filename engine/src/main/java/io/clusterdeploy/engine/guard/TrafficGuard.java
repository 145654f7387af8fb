package io.clusterdeploy.engine.guard;

import java.util.Objects;

/**
 * A cluster that must never be left without traffic: no operation may leave it with zero
 * enabled, up instances.
 *
 * @param account  account
 * @param location region or namespace, or null for every location
 * @param cluster  cluster name
 */
public record TrafficGuard(String account, String location, String cluster) {
    public TrafficGuard {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(cluster, "cluster");
    }

    public boolean covers(String account, String location, String cluster) {
        return this.account.equals(account) && this.cluster.equals(cluster)
                && (this.location == null || this.location.equals(location));
    }

    @Override
    public String toString() {
        return account + "/" + (location == null ? "*" : location) + "/" + cluster;
    }
}
