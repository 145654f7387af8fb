package io.jenkins.plugins.clusterdeploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import hudson.model.Result;
import io.jenkins.plugins.clusterdeploy.run.ClusterDeployRunAction;
import io.jenkins.plugins.clusterdeploy.run.OperationRecord;
import java.util.List;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** Pipelines deploy red/black and rolling red/black on the local provider, and roll back. */
@WithJenkins
class PipelineDeployTest {
    private JenkinsRule j;
    private int port;

    @BeforeEach
    void setUp(JenkinsRule j) throws Exception {
        this.j = j;
        this.port = SampleAppScript.freePort();
        LocalAccounts.configure(true, "deploy-*");
    }

    private String prelude() {
        return "upsertLoadBalancer account: 'local', name: 'hello-prod', spec: [port: " + port + "]\n"
                + "deployServerGroup account: 'local', application: 'hello', stack: 'prod',"
                + " capacity: [min: 2, desired: 2, max: 2], loadBalancers: ['hello-prod'], spec: "
                + SampleAppScript.spec("v1") + "\n";
    }

    private WorkflowRun run(String name, String script, Result expected) throws Exception {
        WorkflowJob p = j.createProject(WorkflowJob.class, name);
        p.setDefinition(new CpsFlowDefinition(script, true));
        return j.buildAndAssertStatus(expected, p);
    }

    @Test
    void redBlackThenRollbackCluster() throws Exception {
        WorkflowRun b = run("deploy-hello", prelude()
                + "def r = deployServerGroup account: 'local', application: 'hello', stack: 'prod', strategy: 'redblack',"
                + " capacity: [min: 2, desired: 2, max: 2], loadBalancers: ['hello-prod'], rollback: [onFailure: true],"
                + " spec: " + SampleAppScript.spec("v2") + "\n"
                + "echo \"created ${r.newServerGroup}, disabled ${r.disabledServerGroups}\"\n"
                + "def rb = rollbackCluster account: 'local', cluster: 'hello-prod'\n"
                + "echo \"re-enabled ${rb.enabledServerGroups}\"\n"
                + "echo \"image ${findImageFromCluster(account: 'local', cluster: 'hello-prod')}\"\n", Result.SUCCESS);

        j.assertLogContains("created hello-prod-v001, disabled [hello-prod-v000]", b);
        j.assertLogContains("re-enabled [hello-prod-v000]", b);
        j.assertLogContains("image ", b);
        j.assertLogContains("--version v1", b);
        j.assertLogContains("createServerGroup: SUCCEEDED", b);
        j.assertLogContains("disablePreviousServerGroups: SUCCEEDED", b);

        ClusterDeployRunAction action = b.getAction(ClusterDeployRunAction.class);
        assertThat(action.getOperations().stream().map(OperationRecord::getStep).toList(), contains(
                "upsertLoadBalancer", "deployServerGroup", "deployServerGroup", "rollbackCluster", "findImageFromCluster"));
        OperationRecord redBlack = action.getOperations().get(2);
        assertThat(redBlack.getStrategy(), is("redblack"));
        assertThat(redBlack.getNewServerGroup(), is("hello-prod-v001"));
        assertThat(redBlack.getDisabledServerGroups(), is(List.of("hello-prod-v000")));

        JSONObject json = j.createWebClient().getJSON(b.getUrl() + "cluster-deploy/json").getJSONObject();
        assertThat(json.getJSONArray("operations").size(), is(5));
        assertThat(j.createWebClient().getPage(b).asNormalizedText(), containsString("Cluster Deploy"));
    }

    @Test
    void rollingRedBlackRunsTheValidationBodyAtEachPercentage() throws Exception {
        WorkflowRun b = run("deploy-rolling", prelude()
                + "def r = deployServerGroupWithValidation(account: 'local', application: 'hello', stack: 'prod',"
                + " targetPercentages: [50, 100], capacity: [min: 2, desired: 2, max: 2], loadBalancers: ['hello-prod'],"
                + " spec: " + SampleAppScript.spec("v2") + ") {\n"
                + "  echo \"validating ${env.CLUSTER_DEPLOY_SERVER_GROUP} at ${env.CLUSTER_DEPLOY_PERCENTAGE}%\"\n"
                + "}\n"
                + "echo \"status ${r.status}\"\n", Result.SUCCESS);
        j.assertLogContains("validating hello-prod-v001 at 50%", b);
        j.assertLogContains("validating hello-prod-v001 at 100%", b);
        j.assertLogContains("status SUCCEEDED", b);
    }

    @Test
    void aFailingValidationBodyRollsBack() throws Exception {
        WorkflowRun b = run("deploy-rolling-fails", prelude()
                + "deployServerGroupWithValidation(account: 'local', application: 'hello', stack: 'prod',"
                + " capacity: [min: 2, desired: 2, max: 2], loadBalancers: ['hello-prod'], rollback: [onFailure: true],"
                + " spec: " + SampleAppScript.spec("v2") + ") {\n"
                + "  if (env.CLUSTER_DEPLOY_PERCENTAGE == '100') { error 'smoke test failed' }\n"
                + "}\n", Result.FAILURE);
        j.assertLogContains("validation at 100% failed", b);
        j.assertLogContains("smoke test failed", b);
        j.assertLogContains("rolling back", b);
    }

    @Test
    void badInputAndRefusedAccountsFailBeforeAnythingRuns() throws Exception {
        WorkflowRun bad = run("deploy-bad", "deployServerGroup account: 'local', application: 'hello',"
                + " capacity: [min: 3, desired: 1, max: 1], spec: [command: 'true']\n", Result.FAILURE);
        j.assertLogContains("deployServerGroup: invalid parameter 'capacity.min'", bad);

        WorkflowRun outsider = run("other-job", "deployServerGroup account: 'local', application: 'hello',"
                + " capacity: [min: 1, desired: 1, max: 1], spec: [command: 'true']\n", Result.FAILURE);
        j.assertLogContains("job 'other-job' may not use account 'local'", outsider);

        LocalAccounts.configure(false, "deploy-*");
        WorkflowRun disabled = run("deploy-disabled", "deployServerGroup account: 'local', application: 'hello',"
                + " capacity: [min: 1, desired: 1, max: 1], spec: [command: 'true']\n", Result.FAILURE);
        j.assertLogContains("account 'local' is disabled", disabled);
        j.assertLogContains("runs processes on the Jenkins controller", disabled);
    }
}
