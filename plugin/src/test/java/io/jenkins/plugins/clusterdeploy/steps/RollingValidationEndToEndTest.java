package io.jenkins.plugins.clusterdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.jenkins.plugins.clusterdeploy.account.LocalAccount;
import io.jenkins.plugins.clusterdeploy.config.ClusterDeployConfiguration;
import io.jenkins.plugins.clusterdeploy.testing.FakeStepContext;
import io.jenkins.plugins.clusterdeploy.testing.SampleApps;
import io.jenkins.plugins.clusterdeploy.testing.StepPersistence;
import io.jenkins.plugins.clusterdeploy.testing.TestRun;
import io.jenkins.plugins.clusterdeploy.testing.TestRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code deployServerGroupWithValidation}: the step's body is rolling red/black's validation hook. The engine's
 * operation thread waits for the body at each percentage; a failing body fails the roll, which rolls back.
 */
class RollingValidationEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path home;

    private TestRuntime runtime;
    private TestRun build;

    @BeforeEach
    void deployV1() throws Exception {
        LocalAccount local = new LocalAccount("local");
        local.setEnabled(true);
        local.setAllowedJobs(List.of("deploy-*"));
        local.setHealthCheckIntervalMillis(100);
        ClusterDeployConfiguration config = new ClusterDeployConfiguration();
        config.setAccounts(List.of(local));
        runtime = new TestRuntime(home, config);
        build = TestRun.of("", "deploy-hello");
        UpsertLoadBalancerStep lb = new UpsertLoadBalancerStep("local", "hello-prod");
        lb.setSpec(Map.of("port", SampleApps.freePort()));
        FakeStepContext c1 = new FakeStepContext(build);
        lb.newExecution(c1, runtime).start();
        c1.await(TIMEOUT);
        FakeStepContext c2 = new FakeStepContext(build);
        step("v1", null).newExecution(c2, runtime).start();
        c2.await(TIMEOUT);
    }

    @AfterEach
    void stop() {
        runtime.close();
    }

    private DeployServerGroupStep step(String version, String strategy) {
        DeployServerGroupStep step = new DeployServerGroupStep("local", "hello");
        step.setStack("prod");
        step.setStrategy(strategy);
        step.setCapacity(new ServerGroupCapacity(2, 2, 2));
        step.setLoadBalancers(List.of("hello-prod"));
        step.setSpec(SampleApps.spec(version));
        return step;
    }

    private DeployServerGroupWithValidationStep rolling(String version) {
        DeployServerGroupWithValidationStep step = new DeployServerGroupWithValidationStep("local", "hello");
        step.setStack("prod");
        step.setCapacity(new ServerGroupCapacity(2, 2, 2));
        step.setLoadBalancers(List.of("hello-prod"));
        step.setSpec(SampleApps.spec(version));
        step.setTargetPercentages(List.of(50, 100));
        DeployRollback rollback = new DeployRollback();
        rollback.setOnFailure(true);
        step.setRollback(rollback);
        return step;
    }

    private ServerGroup group(String name) {
        return runtime.engine().accounts().get("local").serverGroup("local", name).orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBodyRunsAtEachPercentageWithItsEnvironment() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        FakeStepContext context = new FakeStepContext(build).withBody(env -> {
            seen.add(env.get("CLUSTER_DEPLOY_PERCENTAGE") + "% of " + env.get("CLUSTER_DEPLOY_SERVER_GROUP")
                    + " in " + env.get("CLUSTER_DEPLOY_OPERATION_ID"));
            return null;
        });
        assertThat(rolling("v2").newExecution(context, runtime).start()).isFalse();
        Map<String, Object> result = (Map<String, Object>) context.await(TIMEOUT);

        String id = (String) result.get("operationId");
        assertThat(seen).containsExactly("50% of hello-prod-v001 in " + id, "100% of hello-prod-v001 in " + id);
        assertThat(result).containsEntry("status", "SUCCEEDED").containsEntry("newServerGroup", "hello-prod-v001");
        assertThat(context.log()).contains("validate(50%): started").contains("validate(50%): SUCCEEDED")
                .contains("validate(100%): SUCCEEDED");
        assertThat(context.saves()).as("the running body is saved with the step").isGreaterThanOrEqualTo(2);
        assertThat(group("hello-prod-v001").enabled()).isTrue();
        assertThat(group("hello-prod-v000").enabled()).isFalse();
    }

    @Test
    void aFailingBodyFailsTheRollWhichRollsBack() throws Exception {
        FakeStepContext context = new FakeStepContext(build).withBody(env -> {
            if ("100".equals(env.get("CLUSTER_DEPLOY_PERCENTAGE"))) {
                throw new AbortException("smoke test failed: 3 errors");
            }
            return null;
        });
        rolling("v2").newExecution(context, runtime).start();

        assertThatThrownBy(() -> context.await(TIMEOUT)).isInstanceOf(AbortException.class)
                .hasMessageContaining("deployServerGroupWithValidation failed")
                .hasMessageContaining("validation at 100% failed")
                .hasMessageContaining("smoke test failed: 3 errors");
        assertThat(context.log()).contains("validate(100%): FAILED").contains("rolling back");
        assertThat(group("hello-prod-v000").enabled()).isTrue();
        assertThat(group("hello-prod-v001").enabled()).isFalse();
    }

    @Test
    void stopAfterARestartCancelsTheBodyThatIsStillRunning() throws Exception {
        CountDownLatch bodyRunning = new CountDownLatch(1);
        CountDownLatch bodyCancelled = new CountDownLatch(1);
        FakeStepContext before = new FakeStepContext(build).withBody(env -> {
            bodyRunning.countDown();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                bodyCancelled.countDown();
                throw e;
            }
            return null;
        });
        ClusterDeployStepExecution execution = (ClusterDeployStepExecution) rolling("v2").newExecution(before, runtime);
        execution.start();
        assertThat(bodyRunning.await(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).isTrue();
        // The body runs before the step holds it (start() has not returned yet): restart once it does.
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> bodyAttached(execution, before));

        // The controller restarts while the body runs; the Pipeline resumes the step from its saved form.
        byte[] saved = StepPersistence.save(execution, before);
        runtime.restart();
        FakeStepContext after = new FakeStepContext(build);
        ClusterDeployStepExecution resumed = ((ClusterDeployStepExecution) StepPersistence.load(saved, before, after))
                .useRuntime(runtime);
        resumed.onResume();

        AbortException abort = new AbortException("aborted by a user");
        resumed.stop(abort);
        assertThat(bodyCancelled.await(30, TimeUnit.SECONDS))
                .as("stop() after the restart cancels the validation body that is still running").isTrue();
        assertThatThrownBy(() -> after.await(TIMEOUT)).isSameAs(abort);
        assertThat(after.completions()).isEqualTo(1);
        assertThat(runtime.operations().awaitFinished(resumed.getOperationId(), TIMEOUT).status())
                .isIn(OperationStatus.CANCELLED, OperationStatus.FAILED);
        assertThat(group("hello-prod-v000").enabled()).as("rolled back").isTrue();
    }

    /** True once the execution's saved form refers to the running body. */
    private static boolean bodyAttached(ClusterDeployStepExecution execution, FakeStepContext context) throws Exception {
        return new String(StepPersistence.save(execution, context), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("the-running-body-");
    }
}
