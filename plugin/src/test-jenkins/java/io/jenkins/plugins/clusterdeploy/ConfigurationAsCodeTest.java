package io.jenkins.plugins.clusterdeploy;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.casc.model.CNode;
import io.jenkins.plugins.clusterdeploy.account.LocalAccount;
import io.jenkins.plugins.clusterdeploy.config.ClusterDeployConfiguration;
import io.jenkins.plugins.clusterdeploy.config.TrafficGuardEntry;
import org.junit.jupiter.api.Test;

/** Configuration as Code works through the @DataBoundSetters and symbols alone: import, then export. */
@WithJenkinsConfiguredWithCode
class ConfigurationAsCodeTest {

    @Test
    @ConfiguredWithCode("casc.yml")
    void importsAndExportsTheConfiguration(JenkinsConfiguredWithCodeRule j) throws Exception {
        ClusterDeployConfiguration config = ClusterDeployConfiguration.get();
        LocalAccount local = (LocalAccount) config.getAccounts().get(0);
        assertThat(local.getName(), is("local"));
        assertThat(local.isEnabled(), is(true));
        assertThat(local.getAllowedJobs(), contains("team-a/*", "deploy-hello"));
        assertThat(local.getHealthCheckIntervalMillis(), is(200));
        assertThat(local.getStateDir(), nullValue());
        TrafficGuardEntry guard = config.getTrafficGuards().get(0);
        assertThat(guard.getAccount(), is("local"));
        assertThat(guard.getCluster(), is("hello-prod"));

        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        CNode node = getUnclassifiedRoot(context).get("clusterDeploy");
        String exported = toYamlString(node);
        assertThat(exported, containsString("local:"));
        assertThat(exported, containsString("name: \"local\""));
        assertThat(exported, containsString("- \"team-a/*\""));
        assertThat(exported, containsString("cluster: \"hello-prod\""));
    }
}
