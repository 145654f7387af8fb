package io.clusterdeploy.provider.prometheus;

import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Moniker;
import io.clusterdeploy.engine.naming.ServerGroupName;
import java.util.Set;

/**
 * The values a query template's variables take for one scope:
 * <ul>
 *   <li>{@code scope}: the server group, or the cluster for a cluster scope (Kayenta's {@code ${scope}})</li>
 *   <li>{@code serverGroup}: the server group (a cluster scope has none)</li>
 *   <li>{@code cluster}, {@code application}, {@code stack}, {@code detail}: from the names, as Frigga splits
 *       them; a cluster without stack or detail gives an empty one</li>
 *   <li>{@code location}, and {@code region} and {@code namespace} for it: the scope's location</li>
 *   <li>{@code account}: the account whose provider runs the server groups</li>
 * </ul>
 */
final class ScopeVariables {
    static final Set<String> NAMES = Set.of("scope", "serverGroup", "cluster", "application", "stack", "detail",
            "location", "region", "namespace", "account");

    private final MetricScope scope;
    private final String field;

    ScopeVariables(MetricScope scope, String field) {
        this.scope = scope;
        this.field = field;
    }

    /** The value of {@code name}; INVALID_INPUT naming the template's field when the scope has none. */
    String value(String name) {
        return switch (name) {
            case "scope" -> scope.name();
            case "serverGroup" -> {
                if (blank(scope.serverGroup())) {
                    throw missing(name, "the scope is the cluster " + scope.cluster() + ", not a server group;"
                            + " use ${scope} or ${cluster}");
                }
                yield scope.serverGroup();
            }
            case "cluster" -> cluster();
            case "application" -> ServerGroupName.applicationOf(cluster());
            case "stack" -> nullToEmpty(moniker(name).stack());
            case "detail" -> nullToEmpty(moniker(name).detail());
            case "location", "region", "namespace" -> {
                if (blank(scope.location())) {
                    throw missing(name, "the scope has no location");
                }
                yield scope.location();
            }
            case "account" -> scope.account();
            default -> throw new IllegalArgumentException("unknown variable " + name);
        };
    }

    private String cluster() {
        if (!blank(scope.cluster())) {
            return scope.cluster();
        }
        try {
            return ServerGroupName.parse(scope.serverGroup()).moniker().cluster();
        } catch (ClusterDeployException e) {
            throw missing("cluster", "the server group name '" + scope.serverGroup() + "' names no cluster: "
                    + e.getMessage());
        }
    }

    private Moniker moniker(String variable) {
        String cluster = cluster();
        try {
            return ServerGroupName.parse(cluster).moniker();
        } catch (ClusterDeployException e) {
            throw missing(variable, "the cluster name '" + cluster + "' cannot be split into application, stack"
                    + " and detail: " + e.getMessage());
        }
    }

    private ClusterDeployException missing(String variable, String why) {
        return ClusterDeployException.invalid(field, field + " uses ${" + variable + "}, but " + why);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
