package io.jenkins.plugins.clusterdeploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import hudson.model.Result;
import io.jenkins.plugins.clusterdeploy.steps.ClusterDeployStepExecution;
import net.sf.json.JSONArray;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.test.steps.SemaphoreStep;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

/**
 * Jenkins restarts in the middle of a deploy: the step resumes, the engine finishes the deploy; a validation body
 * running across the restart is cancelled when the step is stopped afterwards.
 */
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
                    SampleAppScript.firstDeploy(port)
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

    @Test
    void abortingAfterARestartCancelsTheValidationBodyThatStillRuns() throws Throwable {
        int port = SampleAppScript.freePort();
        sessions.then(j -> {
            LocalAccounts.configure(true, "deploy-hello");
            WorkflowJob p = j.createProject(WorkflowJob.class, "deploy-hello");
            p.setDefinition(new CpsFlowDefinition(
                    SampleAppScript.firstDeploy(port)
                    + "deployServerGroupWithValidation(account: 'local', application: 'hello', stack: 'prod',"
                    + " targetPercentages: [50, 100], capacity: [min: 2, desired: 2, max: 2],"
                    + " loadBalancers: ['hello-prod'], rollback: [onFailure: true], spec: "
                    + SampleAppScript.spec("v2") + ") {\n"
                    + "  try { semaphore 'validate' } catch (e) { echo 'the validation body was cancelled'; throw e }\n"
                    + "}\n", true));
            WorkflowRun b = p.scheduleBuild2(0).waitForStart();
            SemaphoreStep.waitForStart("validate/1", b);
        });
        sessions.then(j -> {
            WorkflowRun b = j.jenkins.getItemByFullName("deploy-hello", WorkflowJob.class).getBuildByNumber(1);
            // The body still waits on its semaphore. Stop only the deploy step (aborting the build would stop the
            // semaphore step too): its stop() must cancel the body it started before the restart.
            j.waitForMessage("Resuming build", b);
            ClusterDeployStepExecution deploy = b.getExecution().getCurrentExecutions(false).get().stream()
                    .filter(ClusterDeployStepExecution.class::isInstance).map(ClusterDeployStepExecution.class::cast)
                    .findFirst().orElseThrow();
            deploy.stop(new FlowInterruptedException(Result.ABORTED, true));
            j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(b));
            j.assertLogContains("the validation body was cancelled", b);
            j.assertLogContains("cancelling operation", b);
        });
    }
}
