package io.jenkins.plugins.clusterdeploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import hudson.model.FreeStyleProject;
import io.jenkins.plugins.clusterdeploy.account.LocalAccount;
import io.jenkins.plugins.clusterdeploy.config.ClusterDeployConfiguration;
import io.jenkins.plugins.clusterdeploy.config.TrafficGuardEntry;
import io.jenkins.plugins.clusterdeploy.freestyle.DeployServerGroupBuilder;
import io.jenkins.plugins.clusterdeploy.runtime.EngineService;
import io.jenkins.plugins.clusterdeploy.steps.DeployServerGroupStep;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.htmlunit.html.HtmlElement;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The global configuration survives the form (two "Allowed jobs" lines stay two patterns: the form is bound as real
 * Jenkins binds it), traffic guards can be deleted there, and saving makes the engine follow; the freestyle
 * builder's field help is linked.
 */
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

    @Test
    void aTrafficGuardIsDeletedFromTheFormAndLabelsShowWhole(JenkinsRule j) throws Exception {
        LocalAccounts.configure(false);
        ClusterDeployConfiguration config = ClusterDeployConfiguration.get();
        config.setTrafficGuards(List.of(new TrafficGuardEntry("local", "hello-prod"),
                new TrafficGuardEntry("local", "hello-staging")));
        config.save();

        HtmlPage page = j.createWebClient().goTo("manage/configure");
        assertThat(page.asNormalizedText(), containsString("Health check interval in milliseconds"));
        HtmlForm form = page.getFormByName("config");
        List<HtmlElement> deletes = form.getByXPath(
                "//div[contains(@class, 'repeated-chunk') and not(contains(@class, 'to-be-removed'))"
                + " and @name='trafficGuards']//button[contains(@class, 'repeatable-delete')]");
        assertThat(deletes.size(), is(2));
        deletes.get(0).click();
        j.submit(form);

        assertThat(ClusterDeployConfiguration.get().getTrafficGuards().size(), is(1));
        assertThat(ClusterDeployConfiguration.get().getTrafficGuards().get(0).getCluster(), is("hello-staging"));
    }

    @Test
    void theDeployBuildersFieldHelpIsLinked(JenkinsRule j) throws Exception {
        FreeStyleProject p = j.createFreeStyleProject("freestyle-deploy");
        p.getBuildersList().add(new DeployServerGroupBuilder(new DeployServerGroupStep("local", "hello")));
        HtmlPage page = j.createWebClient().getPage(p, "configure");
        List<HtmlElement> help = page.getByXPath("//a[contains(@class, 'jenkins-help-button') and contains(@helpURL,"
                + " 'DeployServerGroupBuilder/help/deploy')]");
        assertThat(help.size(), is(1));
        j.configRoundtrip(p);
        assertThat(p.getBuildersList().get(DeployServerGroupBuilder.class).getDeploy().getApplication(), is("hello"));
    }
}
