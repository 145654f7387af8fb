package io.jenkins.plugins.clusterdeploy;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

import hudson.model.Result;
import io.jenkins.plugins.clusterdeploy.account.ChangeRequests;
import java.nio.charset.StandardCharsets;
import jenkins.branch.BranchSource;
import jenkins.scm.api.SCMHead;
import jenkins.scm.api.mixin.ChangeRequestCheckoutStrategy;
import jenkins.scm.api.mixin.ChangeRequestSCMHead;
import jenkins.scm.impl.mock.MockSCMController;
import jenkins.scm.impl.mock.MockSCMDiscoverBranches;
import jenkins.scm.impl.mock.MockSCMDiscoverChangeRequests;
import jenkins.scm.impl.mock.MockSCMSource;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.jenkinsci.plugins.workflow.multibranch.WorkflowMultiBranchProject;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * A multibranch project whose repository has a branch and a change request, both with a Jenkinsfile that uses the
 * local account: the branch's build may under a wildcard allowlist, the change request's only when the allowlist
 * names its job exactly. scm-api tells the change request (SCMHead.HeadByItem, branch-api's implementation).
 */
@WithJenkins
class MultiBranchChangeRequestTest {
    private static final String JENKINSFILE = "checkClusterSize account: 'local', cluster: 'hello', expected: 0\n";

    @Test
    void aChangeRequestsBuildUsesALocalAccountOnlyWhenNamedExactly(JenkinsRule j) throws Exception {
        try (MockSCMController c = MockSCMController.create()) {
            c.createRepository("app");
            c.addFile("app", "master", "Jenkinsfile", "Jenkinsfile", JENKINSFILE.getBytes(StandardCharsets.UTF_8));
            Integer cr = c.openChangeRequest("app", "master");
            LocalAccounts.configure(true, "mb/**");

            WorkflowMultiBranchProject mp = j.jenkins.createProject(WorkflowMultiBranchProject.class, "mb");
            mp.getSourcesList().add(new BranchSource(new MockSCMSource(c, "app", new MockSCMDiscoverBranches(),
                    new MockSCMDiscoverChangeRequests(ChangeRequestCheckoutStrategy.HEAD))));
            mp.scheduleBuild2(0).getFuture().get();
            j.waitUntilNoActivity();

            WorkflowJob branch = mp.getItem("master");
            WorkflowJob change = mp.getItem("CR-" + cr);
            assertThat(branch, notNullValue());
            assertThat(change, notNullValue());
            SCMHead head = SCMHead.HeadByItem.findHead(change);
            assertThat(head, instanceOf(ChangeRequestSCMHead.class));
            assertThat(ChangeRequests.isChangeRequest(change), is(true));
            assertThat(ChangeRequests.isChangeRequest(branch), is(false));

            WorkflowRun branchBuild = branch.getLastBuild();
            j.assertBuildStatus(Result.SUCCESS, j.waitForCompletion(branchBuild));
            WorkflowRun changeBuild = change.getLastBuild();
            j.assertBuildStatus(Result.FAILURE, j.waitForCompletion(changeBuild));
            j.assertLogContains("builds a change request", changeBuild);

            LocalAccounts.configure(true, "mb/**", change.getFullName());
            j.buildAndAssertSuccess(change);
        }
    }
}
