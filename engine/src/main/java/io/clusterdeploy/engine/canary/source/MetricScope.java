package io.clusterdeploy.engine.canary.source;

import io.clusterdeploy.engine.error.ClusterDeployException;

/**
 * Whose metrics: one side of a canary analysis (the baseline or the canary). A server group is
 * the usual scope; a cluster scope covers every server group of the cluster.
 *
 * @param account     the account whose provider runs the server groups
 * @param location    region or namespace; null where the provider has one location
 * @param cluster     the cluster ({@code app-stack-detail})
 * @param serverGroup the server group ({@code app-stack-detail-vNNN}); null for a cluster scope
 */
public record MetricScope(String account, String location, String cluster, String serverGroup) {
    public MetricScope {
        if (account == null || account.isBlank()) {
            throw ClusterDeployException.invalid("account", "a metric scope needs an account");
        }
        if ((cluster == null || cluster.isBlank()) && (serverGroup == null || serverGroup.isBlank())) {
            throw ClusterDeployException.invalid("serverGroup", "a metric scope needs a server group or a cluster");
        }
    }

    public static MetricScope serverGroup(String account, String location, String cluster, String serverGroup) {
        return new MetricScope(account, location, cluster, serverGroup);
    }

    public static MetricScope cluster(String account, String location, String cluster) {
        return new MetricScope(account, location, cluster, null);
    }

    /** The scope's most specific name: the server group, else the cluster. */
    public String name() {
        return serverGroup != null && !serverGroup.isBlank() ? serverGroup : cluster;
    }
}
