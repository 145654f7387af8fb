package io.jenkins.plugins.clusterdeploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.jenkins.plugins.clusterdeploy.account.LocalAccount;
import io.jenkins.plugins.clusterdeploy.config.ClusterDeployConfiguration;
import io.jenkins.plugins.clusterdeploy.config.TrafficGuardEntry;
import io.jenkins.plugins.clusterdeploy.runtime.EngineService;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The global configuration survives the form, and saving it makes the engine follow. */
@WithJenkins
class ConfigurationRoundTripTest {

    @Test
    void formRoundTripKeepsAccountsAndGuardsAndTheEngineFollows(JenkinsRule j) throws Exception {
        LocalAccount local = new LocalAccount("local");
        local.setEnabled(true);
        local.setAllowedJobs(List.of("team-a/*", "deploy-hello"));
        local.setHealthCheckIntervalMillis(200);
        ClusterDeployConfiguration config = ClusterDeployConfiguration.get();
        config.setAccounts(List.of(local));
        config.setTrafficGuards(List.of(new TrafficGuardEntry("local", "hello-prod")));
        config.save();

        j.configRoundtrip();

        ClusterDeployConfiguration after = ClusterDeployConfiguration.get();
        assertThat(after.getAccounts().size(), is(1));
        LocalAccount a = (LocalAccount) after.getAccounts().get(0);
        assertThat(a.getName(), is("local"));
        assertThat(a.isEnabled(), is(true));
        assertThat(a.getAllowedJobs(), contains("team-a/*", "deploy-hello"));
        assertThat(a.getHealthCheckIntervalMillis(), is(200));
        assertThat(after.getTrafficGuards().get(0).getCluster(), is("hello-prod"));

        // Saving started the account in the engine, which the API lists.
        assertThat(EngineService.get().describeAccount("local"), is("The account is running."));
        String accounts = j.createWebClient().goTo("cluster-deploy/api/accounts", "application/json")
                .getWebResponse().getContentAsString();
        assertThat(accounts, containsString("\"name\" : \"local\""));

        String xml = Files.readString(new File(j.jenkins.getRootDir(),
                ClusterDeployConfiguration.class.getName() + ".xml").toPath(), StandardCharsets.UTF_8);
        assertThat(xml, containsString("<allowedJobs>"));
        assertThat(xml, not(containsString("<password")));
    }

    @Test
    void aLocalAccountIsDisabledUntilAnAdministratorEnablesIt(JenkinsRule j) throws Exception {
        ClusterDeployConfiguration config = ClusterDeployConfiguration.get();
        config.setAccounts(List.of(new LocalAccount("local")));
        config.save();
        j.configRoundtrip();
        assertThat(ClusterDeployConfiguration.get().getAccounts().get(0).isEnabled(), is(false));
        String accounts = j.createWebClient().goTo("cluster-deploy/api/accounts", "application/json")
                .getWebResponse().getContentAsString();
        assertThat(accounts, not(containsString("local")));
    }
}
