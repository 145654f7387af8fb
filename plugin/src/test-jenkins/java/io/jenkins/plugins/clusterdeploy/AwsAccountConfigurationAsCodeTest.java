package io.jenkins.plugins.clusterdeploy;

import static io.jenkins.plugins.casc.misc.Util.getUnclassifiedRoot;
import static io.jenkins.plugins.casc.misc.Util.toYamlString;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.ConfiguredWithCode;
import io.jenkins.plugins.casc.misc.JenkinsConfiguredWithCodeRule;
import io.jenkins.plugins.casc.misc.junit.jupiter.WithJenkinsConfiguredWithCode;
import io.jenkins.plugins.clusterdeploy.account.AwsAccount;
import io.jenkins.plugins.clusterdeploy.config.ClusterDeployConfiguration;
import org.junit.jupiter.api.Test;

/** An aws account through Configuration as Code: the @DataBoundSetters and the aws symbol, and no secret exported. */
@WithJenkinsConfiguredWithCode
class AwsAccountConfigurationAsCodeTest {

    @Test
    @ConfiguredWithCode("casc-aws.yml")
    void importsAndExportsAnAwsAccountWithoutItsSecret(JenkinsConfiguredWithCodeRule j) throws Exception {
        AwsAccount aws = (AwsAccount) ClusterDeployConfiguration.get().getAccounts().get(0);
        assertThat(aws.getName(), is("prod-aws"));
        assertThat(aws.getRegions(), contains("us-east-1", "eu-west-1"));
        assertThat(aws.getCredentialsId(), is("aws-deployer"));
        assertThat(aws.getRoleArn(), is("arn:aws:iam::123456789012:role/cluster-deploy"));
        assertThat(aws.getExternalId(), is("cd-7f3a"));
        assertThat(aws.getDeregistrationDelaySeconds(), is(60));

        ConfigurationContext context = new ConfigurationContext(ConfiguratorRegistry.get());
        String exported = toYamlString(getUnclassifiedRoot(context).get("clusterDeploy"));
        assertThat(exported, containsString("aws:"));
        assertThat(exported, containsString("credentialsId: \"aws-deployer\""));
        assertThat(exported, not(containsString("example-secret-never-shown")));
        // The configuration file names the credentials by id only.
        assertThat(new String(java.nio.file.Files.readAllBytes(j.jenkins.getRootDir().toPath()
                .resolve("io.jenkins.plugins.clusterdeploy.config.ClusterDeployConfiguration.xml"))),
                not(containsString("example-secret-never-shown")));
    }
}
