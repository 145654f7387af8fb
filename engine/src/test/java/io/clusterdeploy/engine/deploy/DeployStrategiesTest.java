package io.clusterdeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.operation.StepRecord;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeployStrategiesTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final EngineHarness engine = new EngineHarness(cloud);

    @AfterEach
    void close() {
        engine.close();
    }

    private static Map<String, Object> deploy(String strategy, String version, Map<String, Object> extra) {
        Map<String, Object> r = new HashMap<>();
        r.put("type", "deploy");
        r.put("account", "test");
        r.put("application", "hello");
        r.put("stack", "prod");
        r.put("strategy", strategy);
        r.put("capacity", Map.of("min", 2, "desired", 2, "max", 2));
        r.put("spec", Map.of("version", version));
        // The fake's groups are healthy from their first read, so a gate that passes never waits; one that a
        // broken gate keeps waiting on fails within a second instead of ten minutes.
        r.put("deployTimeoutSec", 1);
        r.putAll(extra);
        return r;
    }

    private List<ServerGroup> cluster() {
        return cloud.serverGroups("hello");
    }

    private ServerGroup group(String name) {
        return cloud.serverGroup("fake-1", name).orElseThrow();
    }

    private static List<String> stepNames(OperationState s) {
        return s.steps().stream().map(StepRecord::name).toList();
    }

    @Test
    void noneCreatesTheFirstGroupAsV000AndTouchesNothingElse() throws Exception {
        OperationState s = engine.run(deploy("none", "v1", Map.of()));
        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        OperationState s2 = engine.run(deploy("none", "v2", Map.of()));
        assertThat(s2.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(cluster()).extracting(ServerGroup::name).containsExactly("hello-prod-v000", "hello-prod-v001");
        assertThat(cluster()).allMatch(ServerGroup::enabled);
        assertThat(stepNames(s2)).containsExactly("createServerGroup", "waitForHealthy");
        assertThat(s2.context()).containsEntry("newServerGroup", "hello-prod-v001");
    }

    @Test
    void redBlackDisablesThePreviousGroupOnlyAfterTheNewOneIsHealthy() throws Exception {
        engine.run(deploy("none", "v1", Map.of()));
        OperationState s = engine.run(deploy("redblack", "v2", Map.of()));

        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(group("hello-prod-v000").disabled()).isTrue();
        assertThat(group("hello-prod-v001").enabled()).isTrue();
        assertThat(stepNames(s)).containsExactly("createServerGroup", "waitForHealthy", "disablePreviousServerGroups");
        assertThat(cloud.mutations()).containsSubsequence("create hello-prod-v001", "disable hello-prod-v000");
        assertThat(s.context().get("disabledServerGroups")).isEqualTo(List.of("hello-prod-v000"));
    }

    @Test
    void redBlackNeverDisablesTheOldGroupForAnUnhealthyNewOne() throws Exception {
        engine.run(deploy("none", "v1", Map.of()));
        OperationState s = engine.run(deploy("redblack", "v2",
                Map.of("spec", Map.of("version", "v2", "healthy", false), "deployTimeoutSec", 1)));

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(s.error().message()).contains("health gate").contains("0/2");
        assertThat(group("hello-prod-v000").enabled()).isTrue();
        assertThat(cloud.mutations()).noneMatch(m -> m.startsWith("disable hello-prod-v000"));
        // Without rollback.onFailure the new group is left as it is, for inspection.
        assertThat(group("hello-prod-v001").enabled()).isTrue();
    }

    @Test
    void rollbackOnFailureDisablesTheNewGroupAndKeepsTheOldOneServing() throws Exception {
        engine.run(deploy("none", "v1", Map.of()));
        OperationState s = engine.run(deploy("redblack", "v2", Map.of(
                "spec", Map.of("version", "v2", "healthy", false), "deployTimeoutSec", 1,
                "rollback", Map.of("onFailure", true))));

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(group("hello-prod-v000").enabled()).isTrue();
        assertThat(group("hello-prod-v001").disabled()).isTrue();
        assertThat(s.steps()).filteredOn(st -> st.phase() == io.clusterdeploy.engine.operation.Phase.ROLLBACK).extracting(StepRecord::name)
                .containsExactly("restorePreviousServerGroups", "disableNewServerGroup");
    }

    @Test
    void rollbackWithDestroyLatestDestroysTheNewGroup() throws Exception {
        engine.run(deploy("none", "v1", Map.of()));
        OperationState s = engine.run(deploy("redblack", "v2", Map.of(
                "spec", Map.of("version", "v2", "healthy", false), "deployTimeoutSec", 1,
                "rollback", Map.of("onFailure", true, "destroyLatest", true))));

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(cluster()).extracting(ServerGroup::name).containsExactly("hello-prod-v000");
        assertThat(group("hello-prod-v000").enabled()).isTrue();
    }

    @Test
    void aNewGroupTurningUnhealthyDuringTheDelayIsCaughtBeforeTheOldGroupIsDisabled() throws Exception {
        engine.run(deploy("none", "v1", Map.of()));
        // The new group passes the gate, then fails while red/black waits before disabling:
        // the disable step checks health again and the rollback keeps the old group serving.
        // The delay only has to outlast the test's reaction on a loaded machine.
        Map<String, Object> req = deploy("redblack", "v2", Map.of("delayBeforeDisableSec", 3,
                "rollback", Map.of("onFailure", true)));
        OperationState started = engine.runner.start(req);
        org.awaitility.Awaitility.await().until(() -> engine.runner.get(started.id()).orElseThrow().steps()
                .stream().anyMatch(st -> st.name().equals("waitBeforeDisable")));
        cloud.setHealthy("hello-prod-v001", false);
        OperationState s = engine.runner.awaitFinished(started.id(), java.time.Duration.ofSeconds(30));

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(s.error().message()).contains("refusing to disable the previous server groups");
        assertThat(group("hello-prod-v000").enabled()).isTrue();
        assertThat(group("hello-prod-v001").disabled()).isTrue();
    }

    @Test
    void aNewGroupWhoseHealthIsNotKnownYetIsWaitedForNotJudgedUnhealthy() throws Exception {
        engine.run(deploy("none", "v1", Map.of()));
        // As after a restart: the provider adopted the new group's instances and reports them starting until probed.
        // The gate's timeout bounds the wait for the unknown health: long enough for this test's reaction.
        Map<String, Object> req = deploy("redblack", "v2", Map.of("delayBeforeDisableSec", 3, "deployTimeoutSec", 120));
        OperationState started = engine.runner.start(req);
        org.awaitility.Awaitility.await().until(() -> engine.runner.get(started.id()).orElseThrow().steps()
                .stream().anyMatch(st -> st.name().equals("waitBeforeDisable")));
        cloud.setHealth("hello-prod-v001", io.clusterdeploy.engine.model.HealthState.STARTING);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> engine.runner
                .get(started.id()).orElseThrow().steps().stream().anyMatch(st -> st.name().equals("disablePreviousServerGroups")));
        assertThat(group("hello-prod-v000").enabled()).as("nothing disabled while the new group's health is unknown")
                .isTrue();
        cloud.setHealth("hello-prod-v001", null); // its first probes pass
        OperationState s = engine.runner.awaitFinished(started.id(), java.time.Duration.ofSeconds(60));

        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(group("hello-prod-v000").disabled()).isTrue();
        assertThat(group("hello-prod-v001").enabled()).isTrue();
    }

    @Test
    void redBlackScaleDownAndMaxRemainingAsgs() throws Exception {
        engine.run(deploy("none", "v1", Map.of()));
        engine.run(deploy("redblack", "v2", Map.of()));
        OperationState s = engine.run(deploy("redblack", "v3", Map.of("maxRemainingAsgs", 2, "scaleDown", true)));

        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(cluster()).extracting(ServerGroup::name).containsExactlyInAnyOrder("hello-prod-v001", "hello-prod-v002");
        assertThat(group("hello-prod-v001").disabled()).isTrue();
        assertThat(group("hello-prod-v001").capacity().max()).isZero();
        assertThat(group("hello-prod-v002").enabled()).isTrue();
        assertThat(stepNames(s)).containsExactly("createServerGroup", "waitForHealthy", "shrinkCluster",
                "disablePreviousServerGroups", "scaleDownDisabledServerGroups");
        assertThat(s.context().get("destroyedServerGroups")).isEqualTo(List.of("hello-prod-v000"));
    }

    @Test
    void shrinkNeverDestroysAnActiveGroupUnlessAllowed() throws Exception {
        engine.run(deploy("none", "v1", Map.of()));
        OperationState s = engine.run(deploy("redblack", "v2", Map.of("maxRemainingAsgs", 1)));
        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(cluster()).extracting(ServerGroup::name).contains("hello-prod-v000");
        assertThat(s.steps().get(2).message()).contains("kept active hello-prod-v000");

        OperationState s2 = engine.run(deploy("redblack", "v3", Map.of("maxRemainingAsgs", 1, "allowDeleteActive", true)));
        assertThat(s2.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(cluster()).extracting(ServerGroup::name).containsExactly("hello-prod-v002");
    }

    @Test
    void highlanderDestroysEveryOlderGroup() throws Exception {
        engine.run(deploy("none", "v1", Map.of()));
        engine.run(deploy("none", "v2", Map.of()));
        OperationState s = engine.run(deploy("highlander", "v3", Map.of()));

        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(cluster()).extracting(ServerGroup::name).containsExactly("hello-prod-v002");
        assertThat(cloud.mutations()).containsSubsequence("create hello-prod-v002",
                "disable hello-prod-v000", "destroy hello-prod-v000");
    }

    @Test
    void useSourceCapacityCopiesTheNewestEnabledGroup() throws Exception {
        engine.run(deploy("none", "v1", Map.of("capacity", Map.of("min", 1, "desired", 3, "max", 5))));
        Map<String, Object> req = deploy("redblack", "v2", Map.of("useSourceCapacity", true));
        req.remove("capacity");
        OperationState s = engine.run(req);
        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(group("hello-prod-v001").capacity()).isEqualTo(new io.clusterdeploy.engine.model.Capacity(1, 3, 5));
    }

    @Test
    void targetHealthyDeployPercentageLetsAPartlyHealthyGroupPass() {
        assertThat(io.clusterdeploy.engine.model.Capacity.fixed(3).requiredUp(100)).isEqualTo(3);
        assertThat(io.clusterdeploy.engine.model.Capacity.fixed(3).requiredUp(50)).isEqualTo(2);
        assertThat(io.clusterdeploy.engine.model.Capacity.fixed(10).requiredUp(95)).isEqualTo(10);
        assertThat(io.clusterdeploy.engine.model.Capacity.fixed(0).requiredUp(100)).isZero();
    }

    @Test
    void rollingRedBlackGrowsTheNewGroupAndShiftsTrafficStepByStep() throws Exception {
        engine.run(deploy("none", "v1", Map.of("capacity", Map.of("min", 2, "desired", 4, "max", 4))));
        OperationState s = engine.run(deploy("rollingredblack", "v2", Map.of(
                "capacity", Map.of("min", 4, "desired", 4, "max", 4),
                "targetPercentages", List.of(25, 50), "validation", Map.of("check", "yes"))));

        assertThat(s.status()).as("%s", s.error()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(stepNames(s)).containsExactly("createServerGroup", "pinSourceCapacity",
                "resizeNewServerGroup(25%)", "waitForHealthy(25%)", "validate(25%)", "disableSource(25%)",
                "resizeNewServerGroup(50%)", "waitForHealthy(50%)", "validate(50%)", "disableSource(50%)",
                "resizeNewServerGroup(100%)", "waitForHealthy(100%)", "validate(100%)", "disableSource(100%)",
                "unpinSourceCapacity");
        assertThat(engine.validatedAt).containsExactly(25, 50, 100);
        assertThat(cloud.mutations()).containsSubsequence("create hello-prod-v001", "resize hello-prod-v000 4",
                "resize hello-prod-v001 1", "disable hello-prod-v000 25%", "resize hello-prod-v001 2",
                "disable hello-prod-v000 50%", "resize hello-prod-v001 4", "disable hello-prod-v000");
        assertThat(group("hello-prod-v000").disabled()).isTrue();
        assertThat(group("hello-prod-v000").capacity()).as("unpinned").isEqualTo(
                new io.clusterdeploy.engine.model.Capacity(2, 4, 4));
        assertThat(group("hello-prod-v001").capacity().desired()).isEqualTo(4);
    }

    @Test
    void aFailingValidationHookRollsTheRollingDeployBack() throws Exception {
        engine.run(deploy("none", "v1", Map.of("capacity", Map.of("min", 2, "desired", 4, "max", 4))));
        OperationState s = engine.run(deploy("rollingredblack", "v2", Map.of(
                "validation", Map.of("fail", 100), "rollback", Map.of("onFailure", true))));

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(s.error().message()).contains("validation at 100% failed: error rate too high");
        assertThat(group("hello-prod-v000").enabled()).isTrue();
        assertThat(group("hello-prod-v000").capacity()).isEqualTo(new io.clusterdeploy.engine.model.Capacity(2, 4, 4));
        assertThat(group("hello-prod-v001").disabled()).isTrue();
        assertThat(cloud.mutations()).contains("disable hello-prod-v000 50%", "enable hello-prod-v000");
    }

    @Test
    void badTargetPercentagesAreRefused() {
        for (Object bad : List.of(List.of(50, 40), List.of(0, 100), List.of(50, 101), List.of(), "50")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.runner.start(
                            deploy("rollingredblack", "v2", Map.of("targetPercentages", bad))))
                    .isInstanceOfSatisfying(io.clusterdeploy.engine.error.ClusterDeployException.class,
                            e -> assertThat(e.field()).startsWith("targetPercentages"));
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.runner.start(
                        deploy("redblack", "v2", Map.of("targetPercentages", List.of(50)))))
                .hasMessageContaining("only to the rollingredblack strategy");
        assertThat(cloud.mutations()).isEmpty();
    }
}
