package io.clusterdeploy.engine.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.api.ApiRequest;
import io.clusterdeploy.engine.api.ApiResponse;
import io.clusterdeploy.engine.api.ClusterDeployApi;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.guard.TrafficGuard;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.operation.Phase;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Plans of a guarded cluster: the guards' verdicts and the health preconditions, decided on the simulated cloud. */
class PlannerTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final EngineHarness engine = new EngineHarness(cloud,
            new TrafficGuards(List.of(new TrafficGuard("test", null, "hello-prod"))));

    @AfterEach
    void close() {
        engine.close();
    }

    private static Map<String, Object> request(Map<String, Object> fields) {
        Map<String, Object> r = new HashMap<>(fields);
        r.put("account", "test");
        return r;
    }

    private static Map<String, Object> deploy(String strategy, String version) {
        return request(Map.of("type", "deploy", "application", "hello", "stack", "prod", "strategy", strategy,
                "capacity", Map.of("min", 2, "desired", 2, "max", 2), "spec", Map.of("version", version)));
    }

    @BeforeEach
    void oneServingGroup() throws Exception {
        assertThat(engine.run(deploy("none", "v1")).status()).isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void aRedBlackPlanNamesTheNewGroupAndTheChecksItWouldPass() {
        Plan plan = engine.planner.plan(deploy("redblack", "v2"));

        assertThat(plan.outcome()).isEqualTo(Plan.Outcome.SUCCEEDS);
        assertThat(plan.target().cluster()).isEqualTo("hello-prod");
        assertThat(plan.actions()).extracting(PlannedAction::toString)
                .containsExactly("create hello-prod-v001 at 2/2/2", "disable hello-prod-v000");
        List<PlanCheck> checks = plan.steps().stream().flatMap(s -> s.checks().stream()).toList();
        assertThat(checks).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(PlanCheck.Kind.WAIT);
            assertThat(c.verdict()).isEqualTo(PlanCheck.Verdict.AT_RUN_TIME);
            assertThat(c.description()).contains("hello-prod-v001 has 2/2 instances up, 2 needed");
        });
        assertThat(checks).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(PlanCheck.Kind.HEALTH);
            assertThat(c.verdict()).isEqualTo(PlanCheck.Verdict.PASSES);
        });
        assertThat(checks).anySatisfy(c -> {
            assertThat(c.kind()).isEqualTo(PlanCheck.Kind.TRAFFIC_GUARD);
            assertThat(c.verdict()).isEqualTo(PlanCheck.Verdict.PASSES);
            assertThat(c.description()).contains("disabling hello-prod-v000").contains("leaves 2 of 4");
        });
        assertThat(cloud.serverGroups("hello")).hasSize(1);
    }

    @Test
    void aGuardThatRefusesBeforeTheStartMakesARefusedPlan() {
        Plan plan = engine.planner.plan(request(Map.of("type", "disableCluster", "cluster", "hello-prod",
                "remainingEnabledServerGroups", 0)));
        assertThat(plan.outcome()).isEqualTo(Plan.Outcome.REFUSED);
        assertThat(plan.error().field()).isEqualTo("trafficGuard");
        assertThat(plan.steps()).isEmpty();
    }

    @Test
    void aStepTheGuardRefusesFailsThePlanAndTheRollbackIsPlannedAfterIt() {
        Plan plan = engine.planner.plan(request(Map.of("type", "destroy", "serverGroupName", "hello-prod-v000")));
        assertThat(plan.outcome()).isEqualTo(Plan.Outcome.FAILS);
        PlannedStep failing = plan.steps().get(0);
        assertThat(failing.name()).isEqualTo("disableServerGroup");
        assertThat(failing.fails()).isTrue();
        assertThat(failing.actions()).isEmpty();
        assertThat(failing.checks()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(PlanCheck.Kind.TRAFFIC_GUARD);
            assertThat(c.verdict()).isEqualTo(PlanCheck.Verdict.FAILS);
        });
        assertThat(plan.steps()).noneMatch(s -> s.phase() == Phase.ROLLBACK);
        assertThat(cloud.serverGroup("fake-1", "hello-prod-v000")).isPresent();
    }

    @Test
    void badInputIsRefusedAsARunWouldRefuseIt() {
        assertThatThrownBy(() -> engine.planner.plan(request(Map.of("type", "resize",
                "serverGroupName", "hello-prod-v009", "capacity", Map.of("min", 1, "desired", 1, "max", 1)))))
                .isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.field()).isEqualTo("serverGroupName"));
    }

    @Test
    void theApiAnswersADryRunWithThePlanAndStoresNothing() {
        ClusterDeployApi api = new ClusterDeployApi(engine.accounts, engine.runner, engine.planner);
        Json json = new Json();
        Map<String, Object> body = deploy("highlander", "v2");
        body.put("dryRun", true);
        int operations = engine.runner.list().size();

        ApiResponse r = api.handle(new ApiRequest("POST", "/operations", Map.of(), json.write(body)));

        assertThat(r.status()).isEqualTo(200);
        Map<String, Object> plan = json.readObject(r.json());
        assertThat(plan).containsEntry("dryRun", true).containsEntry("outcome", "SUCCEEDS");
        assertThat(json.write(plan.get("steps"))).contains("create hello-prod-v001 at 2/2/2")
                .contains("destroy hello-prod-v000");
        assertThat(engine.runner.list()).hasSize(operations);
        assertThat(cloud.serverGroups("hello")).hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aConfirmedPlanRunsOnlyWhileTheCloudIsAsThePlanSawIt() throws Exception {
        ClusterDeployApi api = new ClusterDeployApi(engine.accounts, engine.runner, engine.planner);
        Json json = new Json();
        Map<String, Object> dry = deploy("redblack", "v2");
        dry.put("dryRun", true);
        String seen = (String) json.readObject(api.handle(new ApiRequest("POST", "/operations", Map.of(),
                json.write(dry))).json()).get("fingerprint");
        int operations = engine.runner.list().size();

        // The cluster changes after the plan was shown: the confirmation is refused with the plan as it is now.
        cloud.seed("hello-prod-v005", new io.clusterdeploy.engine.model.Capacity(1, 1, 1), true, "v0");
        Map<String, Object> confirm = deploy("redblack", "v2");
        confirm.put("planFingerprint", seen);
        ApiResponse refused = api.handle(new ApiRequest("POST", "/operations", Map.of(), json.write(confirm)));
        assertThat(refused.status()).isEqualTo(409);
        Map<String, Object> answer = json.readObject(refused.json());
        assertThat(answer).containsEntry("error", "CONFLICT").containsEntry("field", "planFingerprint");
        Map<String, Object> fresh = (Map<String, Object>) answer.get("plan");
        assertThat(fresh.get("fingerprint")).isNotEqualTo(seen);
        assertThat(json.write(fresh.get("steps"))).contains("create hello-prod-v006").contains("hello-prod-v005");
        assertThat(engine.runner.list()).as("nothing started").hasSize(operations);

        // Confirmed with the fresh plan's fingerprint, it runs.
        confirm.put("planFingerprint", fresh.get("fingerprint"));
        ApiResponse accepted = api.handle(new ApiRequest("POST", "/operations", Map.of(), json.write(confirm)));
        assertThat(accepted.status()).isEqualTo(202);
        String id = (String) json.readObject(accepted.json()).get("id");
        assertThat(engine.runner.awaitFinished(id, java.time.Duration.ofMinutes(1)).status())
                .isEqualTo(io.clusterdeploy.engine.operation.OperationStatus.SUCCEEDED);
        assertThat(engine.runner.get(id).orElseThrow().request()).doesNotContainKey("planFingerprint");

        // A fingerprint that is not one is refused, naming the field.
        confirm.put("planFingerprint", "yes");
        ApiResponse bad = api.handle(new ApiRequest("POST", "/operations", Map.of(), json.write(confirm)));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(json.readObject(bad.json())).containsEntry("field", "planFingerprint");
    }
}
