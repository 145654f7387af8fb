package io.jenkins.plugins.clusterdeploy.account;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may use which account from a build, checked when a step starts (Fiat's WRITE on an account): the account
 * must exist and be enabled, and the job's full name must match its {@code allowedJobs}. An empty list lets every
 * job in, except on accounts that require an allowlist (local accounts: they run processes on the controller), where
 * it lets nobody in. On those accounts a change request's build needs more than a match: a pattern without wildcards
 * that names its job, since anyone who can open a change request writes its Jenkinsfile. UI and API users are
 * governed by the ClusterDeploy permissions instead, and need Overall/Administer for accounts that run on the
 * controller ({@link #runsOnController}).
 */
public final class AccountPolicy {
    private final Map<String, AccountSpec> accounts = new LinkedHashMap<>();

    public AccountPolicy(List<AccountSpec> specs) {
        for (AccountSpec s : specs) {
            accounts.putIfAbsent(s.name(), s);
        }
    }

    /** Throws, naming the field {@code account}, unless job {@code jobFullName} (not a change request) may use it. */
    public void checkUse(String account, String jobFullName) {
        checkUse(account, BuildOrigin.job(jobFullName));
    }

    /** True for a configured account that runs processes on the Jenkins controller (local accounts). */
    public boolean runsOnController(String account) {
        AccountSpec spec = account == null ? null : accounts.get(account);
        return spec != null && spec.allowlistRequired();
    }

    /** Throws, naming the field {@code account}, unless the build {@code origin} may use {@code account}. */
    public void checkUse(String account, BuildOrigin origin) {
        String jobFullName = origin.jobFullName();
        if (account == null || account.isBlank()) {
            throw ClusterDeployException.invalid("account", "account is required");
        }
        AccountSpec spec = accounts.get(account);
        if (spec == null) {
            throw ClusterDeployException.notFound("account", "account '" + account
                    + "' is not configured (Manage Jenkins » System » Cluster Deploy)");
        }
        if (!spec.enabled()) {
            String why = spec.allowlistRequired()
                    ? " It runs processes on the Jenkins controller, so an administrator must enable it first"
                    + " (Manage Jenkins » System » Cluster Deploy)."
                    : " An administrator can enable it in Manage Jenkins » System » Cluster Deploy.";
            throw refused("account '" + account + "' is disabled." + why);
        }
        JobPatterns allowed = JobPatterns.parse("allowedJobs", spec.allowedJobs());
        if (allowed.isEmpty()) {
            if (spec.allowlistRequired()) {
                throw refused("account '" + account + "' has no allowed jobs, so no build may use it; an administrator"
                        + " must list the jobs that may (its allowedJobs)");
            }
            return;
        }
        if (!allowed.matches(jobFullName)) {
            throw refused("job '" + jobFullName + "' may not use account '" + account
                    + "': it matches none of the account's allowedJobs; ask an administrator to add it");
        }
        if (spec.allowlistRequired() && origin.changeRequest() && !allowed.namesExactly(jobFullName)) {
            throw refused("job '" + jobFullName + "' builds a change request, and account '" + account
                    + "' runs processes on the Jenkins controller: a change request's build may use it only when the"
                    + " account's allowedJobs name that job exactly, without wildcards");
        }
    }

    private static ClusterDeployException refused(String message) {
        // The engine has no "forbidden" kind; a refused account is bad input for the build that names it.
        return ClusterDeployException.invalid("account", message);
    }
}
