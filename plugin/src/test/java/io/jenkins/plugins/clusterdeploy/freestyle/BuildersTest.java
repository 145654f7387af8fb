package io.jenkins.plugins.clusterdeploy.freestyle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.jenkins.plugins.clusterdeploy.account.LocalAccount;
import io.jenkins.plugins.clusterdeploy.config.ClusterDeployConfiguration;
import io.jenkins.plugins.clusterdeploy.run.ClusterDeployRunAction;
import io.jenkins.plugins.clusterdeploy.run.OperationRecord;
import io.jenkins.plugins.clusterdeploy.steps.CheckClusterSizeStep;
import io.jenkins.plugins.clusterdeploy.steps.DeployServerGroupStep;
import io.jenkins.plugins.clusterdeploy.steps.DestroyServerGroupStep;
import io.jenkins.plugins.clusterdeploy.steps.ServerGroupCapacity;
import io.jenkins.plugins.clusterdeploy.steps.UpsertLoadBalancerStep;
import io.jenkins.plugins.clusterdeploy.testing.SampleApps;
import io.jenkins.plugins.clusterdeploy.testing.TestListener;
import io.jenkins.plugins.clusterdeploy.testing.TestRun;
import io.jenkins.plugins.clusterdeploy.testing.TestRuntime;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The freestyle builders: the steps' parameters, run on the build's executor against the real engine. */
class BuildersTest {
    @TempDir
    Path home;

    /** One enabled local account that the jobs under freestyle/ may use. */
    private static ClusterDeployConfiguration localForFreestyle() {
        LocalAccount local = new LocalAccount("local");
        local.setEnabled(true);
        local.setAllowedJobs(List.of("freestyle/*"));
        local.setHealthCheckIntervalMillis(100);
        ClusterDeployConfiguration config = new ClusterDeployConfiguration();
        config.setAccounts(List.of(local));
        return config;
    }

    /** The load balancer "hello" on a free port, made by a freestyle builder. */
    private static void upsertLoadBalancer(TestRun build, TestListener listener, TestRuntime runtime) throws Exception {
        UpsertLoadBalancerStep lb = new UpsertLoadBalancerStep("local", "hello");
        lb.setSpec(Map.of("port", SampleApps.freePort()));
        new ClusterOperationBuilder(lb).perform(build, listener, runtime);
    }

    @Test
    void buildersCarryTheStepsParametersAndNeedNoWorkspace() {
        DeployServerGroupStep deploy = new DeployServerGroupStep("local", "hello");
        deploy.setStrategy("redblack");
        DeployServerGroupBuilder builder = new DeployServerGroupBuilder(deploy);
        assertThat(builder.requiresWorkspace()).isFalse();
        assertThat(builder.getDeploy().toRequest()).containsEntry("type", "deploy").containsEntry("strategy", "redblack");

        ClusterOperationBuilder op = new ClusterOperationBuilder(new DestroyServerGroupStep("local", "hello-v001"));
        assertThat(op.requiresWorkspace()).isFalse();
        assertThat(op.getOperation().toRequest()).isEqualTo(Map.of("type", "destroy", "account", "local",
                "serverGroupName", "hello-v001"));
    }

    @Test
    void aFreestyleBuildDeploysAndFailsWithTheEnginesReason() throws Exception {
        try (TestRuntime runtime = new TestRuntime(home, localForFreestyle())) {
            TestRun build = TestRun.of("freestyle", "deploy");
            TestListener listener = new TestListener();
            upsertLoadBalancer(build, listener, runtime);

            DeployServerGroupStep deploy = new DeployServerGroupStep("local", "hello");
            deploy.setCapacity(new ServerGroupCapacity(1, 1, 1));
            deploy.setLoadBalancers(List.of("hello"));
            deploy.setSpec(SampleApps.spec("v1"));
            new DeployServerGroupBuilder(deploy).perform(build, listener, runtime);

            assertThat(listener.text()).contains("Cluster Deploy: deployServerGroup started operation")
                    .contains("createServerGroup: SUCCEEDED").contains("newServerGroup=hello-v000");
            assertThat(build.getAction(ClusterDeployRunAction.class).getOperations())
                    .extracting(OperationRecord::getStatus).containsExactly("SUCCEEDED", "SUCCEEDED");

            ClusterOperationBuilder check = new ClusterOperationBuilder(new CheckClusterSizeStep("local", "hello", 3));
            assertThatThrownBy(() -> check.perform(build, listener, runtime)).isInstanceOf(AbortException.class)
                    .hasMessageContaining("checkClusterSize failed")
                    .hasMessageContaining("cluster hello has 1 server groups; expected == 3")
                    .hasMessageContaining("[parameter: expected]");

            // A dry run in a freestyle build: the plan in the log, nothing started.
            DeployServerGroupStep planned = new DeployServerGroupStep("local", "hello");
            planned.setCapacity(new ServerGroupCapacity(1, 1, 1));
            planned.setLoadBalancers(List.of("hello"));
            planned.setSpec(SampleApps.spec("v2"));
            planned.setStrategy("highlander");
            planned.setDryRun(true);
            TestListener planLog = new TestListener();
            new DeployServerGroupBuilder(planned).perform(build, planLog, runtime);
            assertThat(planLog.text()).contains("deployServerGroup dry run, nothing changed")
                    .contains("would create hello-v001 at 1/1/1").contains("would destroy hello-v000")
                    .doesNotContain("started operation");
            assertThat(build.getAction(ClusterDeployRunAction.class).getOperations()).hasSize(3);

            TestRun outsider = TestRun.of("elsewhere", "deploy");
            assertThatThrownBy(() -> new DeployServerGroupBuilder(deploy).perform(outsider, new TestListener(), runtime))
                    .isInstanceOf(AbortException.class).hasMessageContaining("may not use account 'local'");
        }
    }

    @Test
    void anAbortedFreestyleBuildCancelsItsOperationAsThatBuild() throws Exception {
        try (TestRuntime runtime = new TestRuntime(home, localForFreestyle())) {
            TestRun build = TestRun.of("freestyle", "deploy");
            TestListener listener = new TestListener();
            upsertLoadBalancer(build, listener, runtime);
            DeployServerGroupStep first = new DeployServerGroupStep("local", "hello");
            first.setCapacity(new ServerGroupCapacity(1, 1, 1));
            first.setLoadBalancers(List.of("hello"));
            first.setSpec(SampleApps.spec("v1"));
            new DeployServerGroupBuilder(first).perform(build, listener, runtime);

            DeployServerGroupStep slow = new DeployServerGroupStep("local", "hello");
            slow.setCapacity(new ServerGroupCapacity(1, 1, 1));
            slow.setSpec(SampleApps.spec("v2"));
            slow.setLoadBalancers(List.of("hello"));
            slow.setStrategy("redblack");
            slow.setDelayBeforeDisableSec(120);
            TestListener slowLog = new TestListener();
            java.util.concurrent.atomic.AtomicReference<Throwable> thrown = new java.util.concurrent.atomic.AtomicReference<>();
            // Jenkins aborts a freestyle build by interrupting the thread that runs it.
            Thread executor = new Thread(() -> {
                try {
                    new DeployServerGroupBuilder(slow).perform(build, slowLog, runtime);
                } catch (Throwable t) {
                    thrown.set(t);
                }
            });
            executor.start();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                    .until(() -> slowLog.text().contains("waitBeforeDisable: started"));
            executor.interrupt();
            executor.join(60_000);

            assertThat(thrown.get()).isInstanceOf(InterruptedException.class);
            assertThat(slowLog.text()).contains("build aborted; cancelling operation");
            String id = runtime.operations().list().stream().filter(o -> o.cancelRequested()).findFirst()
                    .orElseThrow().id();
            var cancelled = runtime.operations().awaitFinished(id, java.time.Duration.ofSeconds(60));
            assertThat(cancelled.cancellation().by()).isEqualTo("Jenkins build freestyle/deploy#1")
                    .isEqualTo(cancelled.request().get("startedBy"));
            assertThat(cancelled.cancellation().reason()).isEqualTo("the build was aborted");
        }
    }
}
