package io.jenkins.plugins.clusterdeploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.Item;
import hudson.model.Result;
import hudson.util.Secret;
import io.jenkins.plugins.clusterdeploy.security.ClusterDeployPermissions;
import java.net.URL;
import jenkins.model.Jenkins;
import org.htmlunit.HttpMethod;
import org.htmlunit.WebRequest;
import org.htmlunit.WebResponse;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The security rules: no credentials ids for non-administrators, POST (with crumb) for every form method and every
 * change, Overall/Administer for account checks and tests, ClusterDeploy/Read and /Operate on the cluster view's
 * API (and Overall/Administer for changes on a local account), Job/Read on a build's summary.
 */
@WithJenkins
class SecurityTest {
    private JenkinsRule j;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER).everywhere().to("admin")
                .grant(Jenkins.READ, ClusterDeployPermissions.OPERATE).everywhere().to("operator")
                .grant(Jenkins.READ, ClusterDeployPermissions.READ, Item.READ).everywhere().to("viewer")
                .grant(Jenkins.READ).everywhere().to("nobody"));
        SystemCredentialsProvider.getInstance().getCredentials().add(new StringCredentialsImpl(CredentialsScope.GLOBAL,
                "hidden-token-id", "a token", Secret.fromString("s3cr3t-value")));
        LocalAccounts.configure(true, "deploy-*");
    }

    private WebResponse post(String user, String path, String contentType, String body, boolean crumb) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        if (user != null) {
            wc.login(user);
        }
        WebRequest req = new WebRequest(new URL(j.getURL(), path), HttpMethod.POST);
        if (contentType != null) {
            req.setAdditionalHeader("Content-Type", contentType);
        }
        if (body != null) {
            req.setRequestBody(body);
        }
        if (crumb) {
            wc.addCrumb(req);
        }
        return wc.getPage(req).getWebResponse();
    }

    private WebResponse get(String user, String path) throws Exception {
        JenkinsRule.WebClient wc = j.createWebClient().withThrowExceptionOnFailingStatusCode(false);
        if (user != null) {
            wc.login(user);
        }
        return wc.getPage(new WebRequest(new URL(j.getURL(), path), HttpMethod.GET)).getWebResponse();
    }

    private static final String FILL =
            "descriptorByName/io.jenkins.plugins.clusterdeploy.account.LocalAccount/fillCredentialsIdItems?credentialsId=mine";

    @Test
    void credentialsIdsAreListedToAdministratorsOnly() throws Exception {
        WebResponse admin = post("admin", FILL, null, null, true);
        assertThat(admin.getStatusCode(), is(200));
        assertThat(admin.getContentAsString(), containsString("hidden-token-id"));
        assertThat(admin.getContentAsString(), not(containsString("s3cr3t-value")));

        WebResponse viewer = post("viewer", FILL, null, null, true);
        assertThat(viewer.getStatusCode(), is(200));
        assertThat(viewer.getContentAsString(), containsString("mine"));
        assertThat(viewer.getContentAsString(), not(containsString("hidden-token-id")));
    }

    @Test
    void formMethodsArePostOnlyAndForAdministrators() throws Exception {
        String check = "descriptorByName/io.jenkins.plugins.clusterdeploy.account.LocalAccount/checkName?value=x";
        String test = "descriptorByName/io.jenkins.plugins.clusterdeploy.account.LocalAccount/testConnection?name=local";
        assertThat(get("admin", check).getStatusCode(), greaterThanOrEqualTo(400));
        assertThat(post("admin", check, null, null, false).getStatusCode(), is(403)); // no crumb
        assertThat(post("admin", check, null, null, true).getStatusCode(), is(200));
        assertThat(post("viewer", check, null, null, true).getStatusCode(), is(403));
        assertThat(post("operator", test, null, null, true).getStatusCode(), is(403));
        WebResponse tested = post("admin", test, null, null, true);
        assertThat(tested.getStatusCode(), is(200));
        assertThat(tested.getContentAsString(), containsString("The account is running."));
    }

    @Test
    void theClusterViewNeedsReadAndChangesNeedOperateAndACrumb() throws Exception {
        assertThat(get("nobody", "cluster-deploy/api/accounts").getStatusCode(), is(403));
        assertThat(get("nobody", "cluster-deploy/").getStatusCode(), is(403));
        WebResponse accounts = get("viewer", "cluster-deploy/api/accounts");
        assertThat(accounts.getStatusCode(), is(200));
        assertThat(accounts.getContentAsString(), containsString("\"name\" : \"local\""));
        assertThat(get("viewer", "cluster-deploy/").getStatusCode(), is(200));

        String body = "{\"type\": \"upsertLoadBalancer\", \"account\": \"local\", \"name\": \"hello\","
                + " \"spec\": {\"port\": " + SampleAppScript.freePort() + "}}";
        assertThat(post("viewer", "cluster-deploy/api/operations", "application/json", body, true).getStatusCode(),
                is(403));
        assertThat(post("operator", "cluster-deploy/api/operations", "application/json", body, false).getStatusCode(),
                is(403));
        assertThat(post("operator", "cluster-deploy/api/operations", "text/plain", body, true).getStatusCode(),
                is(415));
        // A local account runs processes on the controller: Operate is not enough for it, Administer is.
        WebResponse refused = post("operator", "cluster-deploy/api/operations", "application/json", body, true);
        assertThat(refused.getStatusCode(), is(403));
        assertThat(refused.getContentAsString(), containsString("\"field\" : \"account\""));
        assertThat(refused.getContentAsString(), containsString("Overall/Administer"));
        WebResponse dryRun = post("operator", "cluster-deploy/api/operations", "application/json",
                body.replace("{", "{\"dryRun\": true, "), true);
        assertThat(dryRun.getStatusCode(), is(403));
        WebResponse started = post("admin", "cluster-deploy/api/operations", "application/json", body, true);
        assertThat(started.getStatusCode(), is(202));
        assertThat(started.getContentAsString(), containsString("\"type\" : \"upsertLoadBalancer\""));
        String id = net.sf.json.JSONObject.fromObject(started.getContentAsString()).getString("id");
        assertThat(post("operator", "cluster-deploy/api/operations/" + id + "/cancel", "application/json", "{}", true)
                .getStatusCode(), is(403));
        // Administrators are not held to the accounts' allowed jobs: those are for builds.
    }

    @Test
    void aBuildSummaryNeedsReadOnTheJob() throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, "deploy-check");
        p.setDefinition(new CpsFlowDefinition("checkClusterSize account: 'local', cluster: 'hello', expected: 0\n", true));
        WorkflowRun b = j.buildAndAssertStatus(Result.SUCCESS, p);
        assertThat(get("viewer", b.getUrl() + "cluster-deploy/json").getStatusCode(), is(200));
        assertThat(get("nobody", b.getUrl() + "cluster-deploy/json").getStatusCode(), is(404));
    }
}
