package io.jenkins.plugins.clusterdeploy.steps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.AbortException;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.jenkins.plugins.clusterdeploy.account.LocalAccount;
import io.jenkins.plugins.clusterdeploy.config.ClusterDeployConfiguration;
import io.jenkins.plugins.clusterdeploy.run.ClusterDeployRunAction;
import io.jenkins.plugins.clusterdeploy.run.OperationRecord;
import io.jenkins.plugins.clusterdeploy.testing.FakeStepContext;
import io.jenkins.plugins.clusterdeploy.testing.SampleApps;
import io.jenkins.plugins.clusterdeploy.testing.StepPersistence;
import io.jenkins.plugins.clusterdeploy.testing.TestRun;
import io.jenkins.plugins.clusterdeploy.testing.TestRuntime;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Pipeline steps' executions, driven like a Pipeline drives them (a fake step context, Jenkins' timer), against
 * the real engine and the real local provider: the sample app is deployed as processes behind a load balancer,
 * red/black, then rolled back.
 */
class DeployEndToEndTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path home;

    private TestRuntime runtime;
    private int lbPort;

    @BeforeEach
    void startEngine() {
        LocalAccount local = new LocalAccount("local");
        local.setEnabled(true);
        local.setAllowedJobs(List.of("team/**"));
        local.setHealthCheckIntervalMillis(100);
        ClusterDeployConfiguration config = new ClusterDeployConfiguration();
        config.setAccounts(List.of(local));
        // The metric source types Jenkins finds on its class path, as the real plugin builds them (local is on).
        runtime = new TestRuntime(home, config,
                io.clusterdeploy.engine.metricsource.MetricSourceTypes.discover(getClass().getClassLoader()));
        lbPort = SampleApps.freePort();
    }

    @AfterEach
    void stopEngine() {
        runtime.close();
    }

    private Object run(ClusterDeployStep step, FakeStepContext context) throws Exception {
        StepExecution execution = step.newExecution(context, runtime);
        assertThat(execution.start()).as("asynchronous: start() hands over and returns").isFalse();
        Object result = context.await(TIMEOUT);
        assertThat(context.completions()).as("completed exactly once").isEqualTo(1);
        return result;
    }

    private DeployServerGroupStep deploy(String version, String strategy) {
        DeployServerGroupStep step = new DeployServerGroupStep("local", "hello");
        step.setStack("prod");
        step.setStrategy(strategy);
        step.setCapacity(new ServerGroupCapacity(2, 2, 2));
        step.setLoadBalancers(List.of("hello-prod"));
        step.setSpec(SampleApps.spec(version));
        DeployRollback rollback = new DeployRollback();
        rollback.setOnFailure(true);
        step.setRollback(rollback);
        return step;
    }

    /** The load balancer hello-prod and v1 behind it, as the build's first two operations. */
    private void productionServesV1(TestRun build) throws Exception {
        UpsertLoadBalancerStep lb = new UpsertLoadBalancerStep("local", "hello-prod");
        lb.setSpec(Map.of("port", lbPort));
        run(lb, new FakeStepContext(build));
        run(deploy("v1", "none"), new FakeStepContext(build));
    }

    private String answer() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + lbPort + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    private ServerGroup group(String name) {
        return runtime.engine().accounts().get("local").serverGroup("local", name).orElseThrow();
    }

    @Test
    @SuppressWarnings("unchecked")
    void redBlackDeployThenRollbackCluster() throws Exception {
        TestRun build = TestRun.of("team", "deploy-hello");
        productionServesV1(build);

        FakeStepContext context = new FakeStepContext(build);
        Map<String, Object> result = (Map<String, Object>) run(deploy("v2", "redblack"), context);

        assertThat(result).containsEntry("status", "SUCCEEDED")
                .containsEntry("newServerGroup", "hello-prod-v001")
                .containsEntry("previousServerGroups", List.of("hello-prod-v000"))
                .containsEntry("disabledServerGroups", List.of("hello-prod-v000"))
                .containsEntry("destroyedServerGroups", List.of());
        assertThat(group("hello-prod-v001").enabled()).isTrue();
        assertThat(group("hello-prod-v000").enabled()).isFalse();
        assertThat(answer()).contains("v2");
        assertThat(runtime.operations().get((String) result.get("operationId")).orElseThrow().request())
                .as("who started it").containsEntry("startedBy", "Jenkins build " + build.getExternalizableId());

        // The log: the start, each engine step with the engine's timestamps, the outcome.
        String log = context.log();
        assertThat(log).contains("Cluster Deploy: deployServerGroup started operation " + result.get("operationId"))
                .containsPattern("\\[\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z] createServerGroup: started")
                .containsPattern("createServerGroup: SUCCEEDED in [0-9.]+s - .*hello-prod-v001")
                .contains("waitForHealthy: SUCCEEDED")
                .contains("disablePrevious")
                .contains("deploy " + result.get("operationId") + ": SUCCEEDED");

        // The build summary records every operation of the build.
        ClusterDeployRunAction action = build.getAction(ClusterDeployRunAction.class);
        assertThat(action.getOperations()).extracting(OperationRecord::getStep)
                .containsExactly("upsertLoadBalancer", "deployServerGroup", "deployServerGroup");
        OperationRecord record = action.getOperations().get(2);
        assertThat(record.getAccount()).isEqualTo("local");
        assertThat(record.getCluster()).isEqualTo("hello-prod");
        assertThat(record.getStrategy()).isEqualTo("redblack");
        assertThat(record.getStatus()).isEqualTo("SUCCEEDED");
        assertThat(record.getNewServerGroup()).isEqualTo("hello-prod-v001");
        assertThat(record.getDisabledServerGroups()).containsExactly("hello-prod-v000");
        assertThat(record.getSteps()).extracting(s -> s.getName()).contains("createServerGroup", "waitForHealthy");
        assertThat(action.toJson()).contains("\"newServerGroup\" : \"hello-prod-v001\"");

        FakeStepContext rollbackContext = new FakeStepContext(build);
        Map<String, Object> rolledBack = (Map<String, Object>) run(new RollbackClusterStep("local", "hello-prod"),
                rollbackContext);
        assertThat(rolledBack).containsEntry("status", "SUCCEEDED")
                .containsEntry("enabledServerGroups", List.of("hello-prod-v000"))
                .containsEntry("disabledServerGroups", List.of("hello-prod-v001"));
        assertThat(group("hello-prod-v000").enabled()).isTrue();
        assertThat(group("hello-prod-v001").enabled()).isFalse();
        assertThat(answer()).contains("v1");
        assertThat(rollbackContext.log()).contains("waitForRestoreHealthy: SUCCEEDED")
                .contains("disableCurrentServerGroup: SUCCEEDED");

        FindImageFromClusterStep find = new FindImageFromClusterStep("local", "hello-prod");
        assertThat((String) run(find, new FakeStepContext(build))).contains("--version v1");
        assertThat((Map<String, Object>) run(new CheckClusterSizeStep("local", "hello-prod", 2),
                new FakeStepContext(build))).containsEntry("actual", 2L);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aCanaryDeployIsJudgedThenPromotedAndTheBuildSummaryShowsItsVerdict() throws Exception {
        TestRun build = TestRun.of("team", "deploy-hello");
        productionServesV1(build);

        DeployServerGroupStep canary = deploy("v2", "canary");
        // No requests reach the groups here: the judged metric is the load balancer's count of 5xx answers, a
        // recorded 0 in every second of a quiet, healthy group (docs/canary.md, "Metric sources: local").
        canary.setCanary(Map.of("lifetime", "PT5S", "step", "PT1S", "trafficPercent", 10,
                "config", Map.of("source", "local", "metrics", List.of(
                        Map.of("name", "5xx", "query", "errors_5xx", "direction", "increase")))));
        FakeStepContext context = new FakeStepContext(build);
        Map<String, Object> result = (Map<String, Object>) run(canary, context);

        assertThat(result).containsEntry("status", "SUCCEEDED").containsEntry("newServerGroup", "hello-prod-v001");
        assertThat((Map<String, Object>) result.get("canary")).containsEntry("decision", "promote")
                .containsEntry("classification", "Pass").containsEntry("score", 100.0)
                .containsEntry("baseline", "hello-prod-baseline-v000").containsEntry("canary", "hello-prod-canary-v000")
                .containsEntry("production", "hello-prod-v000").containsEntry("intervals", 1);
        assertThat(context.log()).contains("analyzeCanary: SUCCEEDED").contains("canary passed");
        assertThat(group("hello-prod-v001").enabled()).isTrue();
        assertThat(answer()).contains("v2");

        OperationRecord record = build.getAction(ClusterDeployRunAction.class).getOperations().get(2);
        assertThat(record.isCanary()).isTrue();
        assertThat(record.getCanaryClassification()).isEqualTo("Pass");
        assertThat(record.getCanaryScore()).isEqualTo("100");
        assertThat(record.getCanaryDecision()).isEqualTo("promote");
        assertThat(build.getAction(ClusterDeployRunAction.class).getOperations().get(1).isCanary()).isFalse();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDryRunReturnsThePlanAndChangesNothing() throws Exception {
        TestRun build = TestRun.of("team", "deploy-hello");
        productionServesV1(build);
        int operations = runtime.operations().list().size();

        DeployServerGroupStep redBlack = deploy("v2", "redblack");
        redBlack.setDryRun(true);
        assertThat(redBlack.toRequest()).as("dryRun is the step's, not the operation's").doesNotContainKey("dryRun");
        FakeStepContext context = new FakeStepContext(build);
        StepExecution execution = redBlack.newExecution(context, runtime);
        assertThat(execution.start()).as("ends within start()").isTrue();
        Map<String, Object> plan = (Map<String, Object>) context.await(TIMEOUT);

        assertThat(plan).containsEntry("dryRun", true).containsEntry("outcome", "SUCCEEDS").containsKey("fingerprint");
        assertThat(context.log()).contains("deployServerGroup dry run, nothing changed")
                .contains("would create hello-prod-v001 at 2/2/2").contains("would disable hello-prod-v000");
        assertThat(runtime.operations().list()).as("nothing stored").hasSize(operations);
        assertThat(runtime.engine().accounts().get("local").serverGroups("hello")).extracting(ServerGroup::name)
                .containsExactly("hello-prod-v000");

        // The account rules apply to a plan as to a run.
        DeployServerGroupStep outside = deploy("v2", "redblack");
        outside.setDryRun(true);
        assertThatThrownBy(() -> outside.newExecution(new FakeStepContext(TestRun.of("other", "job")), runtime).start())
                .isInstanceOf(hudson.AbortException.class);
    }

    @Test
    void badInputFailsBeforeAnythingRunsNamingTheParameter() {
        DeployServerGroupStep step = deploy("v1", "redblack");
        step.setCapacity(new ServerGroupCapacity(3, 2, 2));
        FakeStepContext context = new FakeStepContext(TestRun.of("team", "deploy-hello"));
        assertThatThrownBy(() -> step.newExecution(context, runtime).start()).isInstanceOf(AbortException.class)
                .hasMessageStartingWith("deployServerGroup: invalid parameter 'capacity.min'");
        assertThat(runtime.operations().list()).isEmpty();
        assertThat(runtime.engine().accounts().get("local").serverGroups("hello")).isEmpty();
    }

    @Test
    void aJobOutsideTheAllowlistIsRefused() {
        FakeStepContext context = new FakeStepContext(TestRun.of("other-team", "deploy-hello"));
        assertThatThrownBy(() -> deploy("v1", "none").newExecution(context, runtime).start())
                .isInstanceOf(AbortException.class)
                .hasMessageContaining("invalid parameter 'account'")
                .hasMessageContaining("job 'other-team/deploy-hello' may not use account 'local'");
        assertThat(runtime.operations().list()).isEmpty();
    }

    @Test
    void aSecretVariableInTheRequestIsRefused() {
        DeployServerGroupStep step = deploy("v1", "none");
        step.setSpec(Map.of("command", List.of("app"), "env", Map.of("TOKEN", "s3cr3t-value")));
        FakeStepContext context = new FakeStepContext(TestRun.of("team", "deploy-hello"))
                .withSecretVariable("API_TOKEN", "s3cr3t-value");
        assertThatThrownBy(() -> step.newExecution(context, runtime).start()).isInstanceOf(AbortException.class)
                .hasMessageContaining("invalid parameter 'spec.env.TOKEN'")
                .hasMessageNotContaining("s3cr3t-value");
        assertThat(runtime.operations().list()).isEmpty();
    }

    @Test
    void stoppingTheStepCancelsTheDeployWhichRollsBack() throws Exception {
        TestRun build = TestRun.of("team", "deploy-hello");
        productionServesV1(build);

        DeployServerGroupStep slow = deploy("v2", "redblack");
        slow.setDelayBeforeDisableSec(60);
        FakeStepContext context = new FakeStepContext(build);
        ClusterDeployStepExecution execution = (ClusterDeployStepExecution) slow.newExecution(context, runtime);
        execution.start();
        String id = execution.getOperationId();
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> context.log().contains("waitBeforeDisable: started"));

        AbortException abort = new AbortException("aborted by a user");
        execution.stop(abort);
        assertThatThrownBy(() -> context.await(TIMEOUT)).isSameAs(abort);
        assertThat(context.log()).contains("cancelling operation " + id);
        var cancelled = runtime.operations().awaitFinished(id, TIMEOUT);
        assertThat(cancelled.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(cancelled.cancellation().by()).as("the build that started it cancels it")
                .isEqualTo("Jenkins build team/deploy-hello#1").isEqualTo(cancelled.request().get("startedBy"));
        assertThat(cancelled.cancellation().reason()).isEqualTo("the build was stopped: aborted by a user");
        assertThat(group("hello-prod-v000").enabled()).isTrue();
        assertThat(group("hello-prod-v001").enabled()).isFalse();
        Thread.sleep(300);
        assertThat(context.completions()).as("the poll does not complete the step a second time").isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theStepSurvivesARestartMidDeploy() throws Exception {
        TestRun build = TestRun.of("team", "deploy-hello");
        productionServesV1(build);

        DeployServerGroupStep slow = deploy("v2", "redblack");
        slow.setDelayBeforeDisableSec(5);
        FakeStepContext before = new FakeStepContext(build);
        ClusterDeployStepExecution execution = (ClusterDeployStepExecution) slow.newExecution(before, runtime);
        execution.start();
        org.awaitility.Awaitility.await().atMost(TIMEOUT).until(() -> before.log().contains("waitBeforeDisable: started"));

        // What Jenkins keeps of the execution is its serialised form; after the restart the Pipeline hands the
        // step a context again (a fresh one here, so that only the resumed execution can complete it).
        FakeStepContext after = new FakeStepContext(build);
        byte[] saved = StepPersistence.save(execution, before);
        runtime.restart();
        ClusterDeployStepExecution resumed = ((ClusterDeployStepExecution) StepPersistence.load(saved, before, after))
                .useRuntime(runtime);
        assertThat(resumed.getOperationId()).isEqualTo(execution.getOperationId());
        resumed.onResume();

        Map<String, Object> result = (Map<String, Object>) after.await(TIMEOUT);
        assertThat(result).containsEntry("status", "SUCCEEDED").containsEntry("newServerGroup", "hello-prod-v001")
                .containsEntry("disabledServerGroups", List.of("hello-prod-v000"));
        assertThat(after.completions()).isEqualTo(1);
        assertThat(after.log()).contains("disablePreviousServerGroups: SUCCEEDED");
        assertThat(group("hello-prod-v001").enabled()).isTrue();
        assertThat(group("hello-prod-v000").enabled()).isFalse();
        assertThat(answer()).contains("v2");
    }
}
