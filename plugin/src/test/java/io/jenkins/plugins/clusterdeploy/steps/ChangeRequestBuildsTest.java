package io.jenkins.plugins.clusterdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.clusterdeploy.account.LocalAccount;
import io.jenkins.plugins.clusterdeploy.config.ClusterDeployConfiguration;
import io.jenkins.plugins.clusterdeploy.freestyle.BuildStepRunner;
import io.jenkins.plugins.clusterdeploy.testing.FakeStepContext;
import io.jenkins.plugins.clusterdeploy.testing.SampleApps;
import io.jenkins.plugins.clusterdeploy.testing.TestListener;
import io.jenkins.plugins.clusterdeploy.testing.TestRun;
import io.jenkins.plugins.clusterdeploy.testing.TestRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build of a change request (a pull request job of a multibranch project) reaches a local account only when the
 * account's allowlist names that job: through the Pipeline steps and the freestyle builders alike.
 */
class ChangeRequestBuildsTest {
    @TempDir
    Path home;

    private TestRuntime runtime(String... allowedJobs) {
        LocalAccount local = new LocalAccount("local");
        local.setEnabled(true);
        local.setAllowedJobs(List.of(allowedJobs));
        ClusterDeployConfiguration config = new ClusterDeployConfiguration();
        config.setAccounts(List.of(local));
        TestRuntime runtime = new TestRuntime(home, config);
        runtime.markChangeRequest("team/app/PR-3");
        return runtime;
    }

    private static UpsertLoadBalancerStep loadBalancer() {
        UpsertLoadBalancerStep lb = new UpsertLoadBalancerStep("local", "hello");
        lb.setSpec(Map.of("port", SampleApps.freePort()));
        return lb;
    }

    @Test
    void aPullRequestMatchedOnlyByAWildcardIsRefusedBeforeAnythingStarts() throws Exception {
        try (TestRuntime runtime = runtime("team/**")) {
            TestRun pr = TestRun.of("team/app", "PR-3");
            FakeStepContext context = new FakeStepContext(pr);
            assertThatThrownBy(() -> loadBalancer().newExecution(context, runtime).start())
                    .isInstanceOf(AbortException.class).hasMessageContaining("builds a change request")
                    .hasMessageContaining("invalid parameter 'account'");
            assertThatThrownBy(() -> new BuildStepRunner(runtime).run(pr, new TestListener(), loadBalancer()))
                    .isInstanceOf(AbortException.class).hasMessageContaining("builds a change request");
            assertThat(runtime.operations().list()).isEmpty();

            FakeStepContext branch = new FakeStepContext(TestRun.of("team/app", "main"));
            loadBalancer().newExecution(branch, runtime).start();
            assertThat(branch.await(Duration.ofSeconds(60))).as("the branch's build may").isNotNull();
        }
    }

    @Test
    void aPullRequestNamedInTheAllowlistMayUseIt() throws Exception {
        try (TestRuntime runtime = runtime("team/app/PR-3")) {
            FakeStepContext context = new FakeStepContext(TestRun.of("team/app", "PR-3"));
            loadBalancer().newExecution(context, runtime).start();
            assertThat(context.await(Duration.ofSeconds(60))).isNotNull();
        }
    }
}
