package io.jenkins.plugins.clusterdeploy.config;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.guard.TrafficGuard;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.jenkins.plugins.clusterdeploy.account.AccountNames;
import io.jenkins.plugins.clusterdeploy.account.AccountSpec;
import io.jenkins.plugins.clusterdeploy.account.JobPatterns;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a configuration before it is saved: account names valid and unique, allowlists well formed, enabled
 * local accounts with an allowlist, traffic guards on known accounts and plain cluster names. Errors name the
 * field, e.g. {@code accounts[local].allowedJobs}.
 */
public final class ConfigurationRules {
    private ConfigurationRules() {
    }

    public static void check(EngineSpec spec) {
        Set<String> names = new HashSet<>();
        List<AccountSpec> accounts = spec.accounts();
        for (int i = 0; i < accounts.size(); i++) {
            AccountSpec a = accounts.get(i);
            AccountNames.check("accounts[" + i + "].name", a.name());
            if (!names.add(a.name())) {
                throw ClusterDeployException.invalid("accounts[" + i + "].name", "accounts[" + i + "].name: account '"
                        + a.name() + "' is defined twice; account names must be unique");
            }
            String at = "accounts[" + a.name() + "]";
            JobPatterns allowed = JobPatterns.parse(at + ".allowedJobs", a.allowedJobs());
            if (a.enabled() && a.allowlistRequired() && allowed.isEmpty()) {
                throw ClusterDeployException.invalid(at + ".allowedJobs", at + ".allowedJobs: account '" + a.name()
                        + "' runs processes on the Jenkins controller; list the jobs that may use it before enabling it");
            }
        }
        List<TrafficGuard> guards = spec.guards();
        for (int i = 0; i < guards.size(); i++) {
            TrafficGuard g = guards.get(i);
            String at = "trafficGuards[" + i + "]";
            if (!names.contains(g.account())) {
                throw ClusterDeployException.invalid(at + ".account", at + ".account: unknown account '"
                        + g.account() + "'");
            }
            checkClusterName(at + ".cluster", g.cluster());
        }
    }

    /** A cluster name is a server group name without a version: {@code app[-stack[-detail]]}. */
    public static void checkClusterName(String field, String cluster) {
        if (cluster == null || cluster.isBlank()) {
            throw ClusterDeployException.invalid(field, field + " is required");
        }
        try {
            if (ServerGroupName.parse(cluster).sequence() != null) {
                throw ClusterDeployException.invalid(field, "a cluster name has no version suffix");
            }
        } catch (ClusterDeployException e) {
            throw ClusterDeployException.invalid(field, field + ": " + e.getMessage());
        }
    }
}
