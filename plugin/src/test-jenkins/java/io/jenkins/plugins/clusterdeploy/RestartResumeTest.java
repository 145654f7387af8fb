package io.jenkins.plugins.clusterdeploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import net.sf.json.JSONArray;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/** Jenkins restarts in the middle of a red/black deploy: the step resumes, the engine finishes the deploy. */
class RestartResumeTest {
    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void aDeployInterruptedByARestartResumesAndFinishes() throws Throwable {
        int port = SampleAppScript.freePort();
        sessions.then(j -> {
            LocalAccounts.configure(true, "deploy-hello");
            WorkflowJob p = j.createProject(WorkflowJob.class, "deploy-hello");
            p.setDefinition(new CpsFlowDefinition(
                    "upsertLoadBalancer account: 'local', name: 'hello-prod', spec: [port: " + port + "]\n"
                    + "deployServerGroup account: 'local', application: 'hello', stack: 'prod',"
                    + " capacity: [min: 2, desired: 2, max: 2], loadBalancers: ['hello-prod'], spec: "
                    + SampleAppScript.spec("v1") + "\n"
                    + "def r = deployServerGroup account: 'local', application: 'hello', stack: 'prod',"
                    + " strategy: 'redblack', delayBeforeDisableSec: 20, capacity: [min: 2, desired: 2, max: 2],"
                    + " loadBalancers: ['hello-prod'], spec: " + SampleAppScript.spec("v2") + "\n"
                    + "echo \"finished: ${r.status} ${r.newServerGroup}\"\n", true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            j.waitForMessage("waitBeforeDisable: started", b);
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("deploy-hello", WorkflowJob.class).getBuildByNumber(1);
            j.assertBuildStatusSuccess(j.waitForCompletion(b));
            j.assertLogContains("disablePreviousServerGroups: SUCCEEDED", b);
            j.assertLogContains("finished: SUCCEEDED hello-prod-v001", b);
            String clusters = j.createWebClient().goTo("cluster-deploy/api/applications/hello/clusters",
                    "application/json").getWebResponse().getContentAsString();
            JSONArray groups = JSONArray.fromObject(clusters).getJSONObject(0).getJSONArray("serverGroups");
            assertThat(groups.getJSONObject(0).getString("name"), is("hello-prod-v001")); // newest first
            assertThat(groups.getJSONObject(0).getBoolean("enabled"), is(true));
            assertThat(groups.getJSONObject(1).getString("name"), is("hello-prod-v000"));
            assertThat(groups.getJSONObject(1).getBoolean("enabled"), is(false));
        });
    }
}
