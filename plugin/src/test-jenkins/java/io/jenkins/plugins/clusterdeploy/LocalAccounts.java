package io.jenkins.plugins.clusterdeploy;

import io.jenkins.plugins.clusterdeploy.account.LocalAccount;
import io.jenkins.plugins.clusterdeploy.config.ClusterDeployConfiguration;
import java.util.List;

/** Configures the one local account the tests use, as an administrator would, and saves (which starts it). */
final class LocalAccounts {
    private LocalAccounts() {
    }

    static void configure(boolean enabled, String... allowedJobs) {
        LocalAccount local = new LocalAccount("local");
        local.setEnabled(enabled);
        local.setAllowedJobs(List.of(allowedJobs));
        local.setHealthCheckIntervalMillis(100);
        ClusterDeployConfiguration config = ClusterDeployConfiguration.get();
        config.setAccounts(List.of(local));
        config.setTrafficGuards(List.of());
        config.save();
    }
}
