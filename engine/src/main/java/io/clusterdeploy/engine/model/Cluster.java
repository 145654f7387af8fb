package io.clusterdeploy.engine.model;

import java.util.List;
import java.util.Objects;

/**
 * All server groups of one app+stack+detail in one account and location.
 *
 * @param name         cluster name ({@code app[-stack[-detail]]})
 * @param account      account
 * @param location     region, namespace or {@code local}
 * @param serverGroups its server groups, newest first
 */
public record Cluster(String name, String account, String location, List<ServerGroup> serverGroups) {
    public Cluster {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(location, "location");
        serverGroups = serverGroups.stream().sorted(ServerGroup.NEWEST_FIRST).toList();
    }

    /** Enabled groups with at least one instance up. */
    public List<ServerGroup> activeServerGroups() {
        return serverGroups.stream().filter(ServerGroup::isActive).toList();
    }

    public long upInstancesInEnabledGroups() {
        return serverGroups.stream().filter(ServerGroup::enabled).mapToLong(ServerGroup::upCount).sum();
    }
}
