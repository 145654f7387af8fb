package io.clusterdeploy.engine.analysis;

import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ClusterGroups;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One side of an analysis as the request gives it: an account and location, and a server group by name, a cluster
 * and which of its groups ({@link ScopeTarget}), or a whole cluster.
 *
 * @param field       {@code control} or {@code experiment}, for error paths
 * @param account     the account
 * @param location    its location, defaulted when the account has one
 * @param cluster     the cluster ({@code app-stack-detail})
 * @param serverGroup the named group, or null
 * @param target      which group of the cluster, or null (with no serverGroup either: the whole cluster)
 */
record AnalysisScope(String field, String account, String location, ServerGroupName cluster, String serverGroup,
                     ScopeTarget target) {

    static AnalysisScope parse(Fields parent, String key, ScopeLocations locations) {
        if (!parent.has(key)) {
            throw ClusterDeployException.invalid(parent.path(key), parent.path(key)
                    + " is required: {account, location, serverGroup} or {account, location, cluster, target}");
        }
        Fields f = parent.object(key);
        String account = f.requiredString("account");
        String location = locations.location(f, account);
        String groupName = f.optionalString("serverGroup", null);
        String clusterName = f.optionalString("cluster", null);
        String targetName = f.optionalString("target", null);
        f.rejectUnknown();
        if (groupName != null && targetName != null) {
            throw ClusterDeployException.invalid(f.path("target"), "give " + f.path("serverGroup") + " or "
                    + f.path("target") + ", not both");
        }
        ServerGroupName cluster = null;
        if (clusterName != null) {
            cluster = name(f, "cluster", clusterName);
            if (cluster.sequence() != null) {
                throw ClusterDeployException.invalid(f.path("cluster"), f.path("cluster")
                        + ": a cluster name has no version suffix, was '" + clusterName + "'");
            }
        }
        String serverGroup = null;
        if (groupName != null) {
            ServerGroupName group = name(f, "serverGroup", groupName);
            serverGroup = group.format();
            ServerGroupName ofGroup = ServerGroupName.parse(group.clusterName());
            if (cluster != null && !cluster.clusterName().equals(ofGroup.clusterName())) {
                throw ClusterDeployException.invalid(f.path("cluster"), f.path("cluster") + " is '" + clusterName
                        + "' but server group '" + groupName + "' is in cluster '" + ofGroup.clusterName() + "'");
            }
            cluster = ofGroup;
        }
        if (cluster == null) {
            throw ClusterDeployException.invalid(f.path("serverGroup"), f.path("serverGroup") + " or "
                    + f.path("cluster") + " is required");
        }
        ScopeTarget target = targetName == null ? null : ScopeTarget.parse(f.path("target"), targetName);
        return new AnalysisScope(parent.path(key), account, location, cluster, serverGroup, target);
    }

    private static ServerGroupName name(Fields f, String key, String value) {
        try {
            return ServerGroupName.parse(value);
        } catch (ClusterDeployException e) {
            throw ClusterDeployException.invalid(f.path(key), f.path(key) + ": " + e.getMessage());
        }
    }

    String clusterName() {
        return cluster.clusterName();
    }

    /**
     * The scope the sources are asked about: the named group (which must exist when {@code requireLive}), the group
     * the target picks now, or the whole cluster. NOT_FOUND naming the field otherwise.
     */
    MetricScope resolve(CloudProvider provider, boolean requireLive) {
        if (serverGroup != null) {
            if (requireLive) {
                ClusterGroups.require(provider, location, serverGroup, field + ".serverGroup");
            }
            return MetricScope.serverGroup(account, location, clusterName(), serverGroup);
        }
        if (target == null) {
            if (requireLive && ClusterGroups.of(provider, location, clusterName()).isEmpty()) {
                throw ClusterDeployException.notFound(field + ".cluster", field + ".cluster: cluster '" + clusterName()
                        + "' has no server groups in account '" + account + "', location '" + location + "'");
            }
            return MetricScope.cluster(account, location, clusterName());
        }
        ServerGroup chosen = target.choose(ClusterGroups.of(provider, location, clusterName())).orElseThrow(() ->
                ClusterDeployException.notFound(field + ".target", field + ".target: cluster '" + clusterName()
                        + "' in account '" + account + "', location '" + location + "' has no " + target.id()
                        + " server group"));
        return MetricScope.serverGroup(account, location, clusterName(), chosen.name());
    }

    /** A resolved scope as the context keeps it. */
    static Map<String, Object> toMap(MetricScope s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account", s.account());
        m.put("location", s.location());
        m.put("cluster", s.cluster());
        m.put("serverGroup", s.serverGroup());
        return m;
    }

    static MetricScope fromMap(Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new IllegalStateException("no resolved scope in the operation's context");
        }
        Object group = m.get("serverGroup");
        Object location = m.get("location");
        return new MetricScope(String.valueOf(m.get("account")), location == null ? null : String.valueOf(location),
                String.valueOf(m.get("cluster")), group == null ? null : String.valueOf(group));
    }
}
