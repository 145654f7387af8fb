package io.clusterdeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.operation.StepRecord;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import io.clusterdeploy.engine.testing.StepChanges;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What a deploy persists before it asks the cloud, what its rollback restores (and that it never takes the new
 * group out of traffic for an old one that did not come back), and what rolling red/black gives back to its
 * source at the end.
 */
class DeployRollbackTest {
    private static final String LOC = "fake-1";

    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final EngineHarness engine = new EngineHarness(cloud);
    private final StepChanges changes = new StepChanges(engine.runner, cloud);

    @AfterEach
    void close() {
        engine.close();
    }

    private static Map<String, Object> deploy(String strategy, Map<String, Object> extra) {
        Map<String, Object> r = new HashMap<>();
        r.put("type", "deploy");
        r.put("account", "test");
        r.put("application", "hello");
        r.put("stack", "prod");
        r.put("strategy", strategy);
        r.put("capacity", Map.of("min", 2, "desired", 2, "max", 2));
        r.put("spec", Map.of("version", "v2"));
        r.put("deployTimeoutSec", 1);
        r.putAll(extra);
        return r;
    }

    /** A red/black whose new group never passes its gate, rolled back. */
    private static Map<String, Object> failingRedBlack() {
        return deploy("redblack", Map.of("spec", Map.of("version", "v2", "healthy", false),
                "rollback", Map.of("onFailure", true)));
    }

    private Capacity capacity(String name) {
        return cloud.serverGroup(LOC, name).orElseThrow().capacity();
    }

    /**
     * Starts {@code request}, runs {@code meanwhile} (given the operation's id) once the cloud made {@code change},
     * and waits for the end.
     */
    private OperationState runPausedAfter(String change, Map<String, Object> request, Consumer<String> meanwhile)
            throws Exception {
        FakeCloudProvider.Pause pause = cloud.pauseAfter(change);
        OperationState started = engine.runner.start(request);
        try {
            assertThat(pause.awaitReached(30)).as("reached %s", change).isTrue();
            meanwhile.accept(started.id());
        } finally {
            pause.release();
        }
        return engine.runner.awaitFinished(started.id(), Duration.ofSeconds(60));
    }

    @Test
    void theNewGroupsNameIsStoredBeforeTheCloudCreatesIt() throws Exception {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");
        String[] stored = new String[1];

        OperationState s = runPausedAfter("create hello-prod-v001", deploy("none", Map.of()), id -> {
            // What a restart at this moment would read: the name, so that it adopts the group instead of a second one.
            OperationState saved = engine.store.load(id).orElseThrow();
            stored[0] = (String) saved.context().get("newServerGroup");
        });

        assertThat(stored[0]).isEqualTo("hello-prod-v001");
        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        changes.assertTimelineNamesWhatChanged(s);
    }

    @Test
    void aRollbackEnablesThePreviousGroupWithoutResizingItWhenItKeptItsSize() throws Exception {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");

        OperationState s = engine.run(failingRedBlack());

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        changes.assertTimelineNamesWhatChanged(s);
        assertThat(cloud.mutations()).containsExactly("create hello-prod-v001", "enable hello-prod-v000",
                "disable hello-prod-v001");
        assertThat(s.context().get("disabledServerGroups")).isEqualTo(List.of("hello-prod-v001"));
    }

    /** Every strategy rolls back the same way: the previous group serves again, the new one is disabled. */
    @ParameterizedTest
    @ValueSource(strings = {"none", "highlander", "redblack", "rollingredblack"})
    void everyStrategyRollsBackAFailedDeploy(String strategy) throws Exception {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");

        OperationState s = engine.run(deploy(strategy, Map.of("spec", Map.of("version", "v2", "healthy", false),
                "rollback", Map.of("onFailure", true))));

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(cloud.serverGroup(LOC, "hello-prod-v000").orElseThrow().enabled()).isTrue();
        assertThat(cloud.serverGroup(LOC, "hello-prod-v001").orElseThrow().disabled()).isTrue();
    }

    @Test
    void highlanderWaitsBeforeDisablingOnlyWhenAsked() throws Exception {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");
        OperationState noDelay = engine.run(deploy("highlander", Map.of()));
        assertThat(noDelay.status()).as("%s", noDelay.error()).isEqualTo(OperationStatus.SUCCEEDED);
        changes.assertTimelineNamesWhatChanged(noDelay);
        assertThat(noDelay.steps()).extracting(StepRecord::name).doesNotContain("waitBeforeDisable");

        OperationState delayed = engine.run(deploy("highlander", Map.of("delayBeforeDisableSec", 1,
                "spec", Map.of("version", "v3"))));
        assertThat(delayed.status()).as("%s", delayed.error()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(delayed.steps()).extracting(StepRecord::name)
                .containsSubsequence("waitBeforeDisable", "disablePreviousServerGroups", "destroyPreviousServerGroups");
        assertThat(cloud.serverGroups("hello")).extracting(sg -> sg.name()).containsExactly("hello-prod-v002");
    }

    @Test
    void aRollbackPutsThePreviousGroupBackAtItsSizeBeforeTheDeploy() throws Exception {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");

        OperationState s = runPausedAfter("create hello-prod-v001", failingRedBlack(),
                id -> cloud.resize(LOC, "hello-prod-v000", Capacity.fixed(1)));

        // (The resize made meanwhile is nobody's step, so the timeline is not checked here.)
        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(capacity("hello-prod-v000")).isEqualTo(Capacity.fixed(2));
        assertThat(cloud.mutations()).containsSubsequence("resize hello-prod-v000 2", "enable hello-prod-v000",
                "disable hello-prod-v001");
    }

    @Test
    void aRollbackNeverDisablesTheNewGroupWhileThePreviousOneIsNotBackHealthy() throws Exception {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");

        OperationState s = runPausedAfter("create hello-prod-v001", failingRedBlack(),
                id -> cloud.setHealthy("hello-prod-v000", false));

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(cloud.serverGroup(LOC, "hello-prod-v001").orElseThrow().enabled())
                .as("the new group keeps what traffic there is").isTrue();
        assertThat(cloud.mutations()).doesNotContain("disable hello-prod-v001");
        // The failed undo step says which group did not come back.
        StepRecord restore = s.steps().stream().filter(st -> st.name().equals("restorePreviousServerGroups"))
                .findFirst().orElseThrow();
        assertThat(restore.message()).contains("hello-prod-v000");
    }

    @Test
    void rollingRedBlackUnpinsItsSourceEvenWhenANewerGroupIsDisabled() throws Exception {
        // The source is the newest enabled group, v000; the newer v001 is disabled and not the one to unpin.
        cloud.seed("hello-prod-v000", new Capacity(1, 2, 4), true, "v1");
        cloud.seed("hello-prod-v001", Capacity.fixed(1), false, "v2");

        OperationState s = engine.run(deploy("rollingredblack", Map.of("spec", Map.of("version", "v3"),
                "validation", Map.of("check", "yes"))));

        assertThat(s.status()).as("%s", s.error()).isEqualTo(OperationStatus.SUCCEEDED);
        changes.assertTimelineNamesWhatChanged(s);
        assertThat(s.context()).containsEntry("sourceServerGroup", "hello-prod-v000");
        assertThat(capacity("hello-prod-v000")).as("unpinned").isEqualTo(new Capacity(1, 2, 4));
        assertThat(capacity("hello-prod-v001")).isEqualTo(Capacity.fixed(1));
    }

    @Test
    void rollingRedBlackWaitsBeforeScalingDownOnlyWhenAsked() throws Exception {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");
        OperationState noDelay = engine.run(deploy("rollingredblack", Map.of("scaleDown", true,
                "targetPercentages", List.of(100))));
        assertThat(noDelay.status()).as("%s", noDelay.error()).isEqualTo(OperationStatus.SUCCEEDED);
        changes.assertTimelineNamesWhatChanged(noDelay);
        assertThat(noDelay.steps()).extracting(StepRecord::name).contains("scaleDownDisabledServerGroups")
                .doesNotContain("waitBeforeScaleDown");
        assertThat(capacity("hello-prod-v000")).isEqualTo(Capacity.ZERO);

        OperationState delayed = engine.run(deploy("rollingredblack", Map.of("scaleDown", true,
                "delayBeforeScaleDownSec", 1, "targetPercentages", List.of(100), "spec", Map.of("version", "v3"))));
        assertThat(delayed.status()).as("%s", delayed.error()).isEqualTo(OperationStatus.SUCCEEDED);
        List<String> names = delayed.steps().stream().map(StepRecord::name).toList();
        assertThat(names).containsSubsequence("waitBeforeScaleDown", "scaleDownDisabledServerGroups");
        assertThat(capacity("hello-prod-v001")).isEqualTo(Capacity.ZERO);
    }

    @Test
    void repeatedTargetPercentagesAreRefused() {
        assertThatThrownBy(() -> engine.runner.start(deploy("rollingredblack",
                Map.of("targetPercentages", List.of(50, 50)))))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                    assertThat(e.field()).isEqualTo("targetPercentages[1]");
                });
        assertThat(engine.store.list()).isEmpty();
        assertThat(cloud.mutations()).isEmpty();
    }

    @Test
    void rollingRedBlackRefusesToMoveTrafficToANewGroupThatFailedAfterItsGate() throws Exception {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");
        // Between the new group's health gate and the source's disable, the new group goes down.
        engine.duringValidation = (group, pct) -> cloud.setHealthy(group, false);

        OperationState s = engine.run(deploy("rollingredblack", Map.of("validation", Map.of("check", "yes"),
                "targetPercentages", List.of(50))));

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(s.error().kind()).isEqualTo("CONFLICT");
        assertThat(cloud.mutations()).noneMatch(m -> m.startsWith("disable hello-prod-v000"));
        assertThat(cloud.serverGroup(LOC, "hello-prod-v000").orElseThrow().upCount()).isEqualTo(2);
    }

    @Test
    void rollingRedBlackStoresItsSourceBeforePinningIt() throws Exception {
        cloud.seed("hello-prod-v000", new Capacity(1, 2, 4), true, "v1");
        String[] stored = new String[1];

        OperationState s = runPausedAfter("resize hello-prod-v000 2", deploy("rollingredblack", Map.of()),
                id -> stored[0] = (String) engine.store.load(id).orElseThrow().context().get("sourceServerGroup"));

        assertThat(stored[0]).as("a restart here knows which group to unpin").isEqualTo("hello-prod-v000");
        assertThat(s.status()).as("%s", s.error()).isEqualTo(OperationStatus.SUCCEEDED);
        changes.assertTimelineNamesWhatChanged(s);
    }

    @Test
    void aRollbackWithDestroyLatestRecordsTheDestroyedGroup() throws Exception {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");

        OperationState s = engine.run(deploy("redblack", Map.of("spec", Map.of("version", "v2", "healthy", false),
                "rollback", Map.of("onFailure", true, "destroyLatest", true))));

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        changes.assertTimelineNamesWhatChanged(s);
        assertThat(s.context().get("destroyedServerGroups")).isEqualTo(List.of("hello-prod-v001"));
        assertThat(cloud.serverGroup(LOC, "hello-prod-v001")).isEmpty();
    }

    @Test
    void aRedBlackTimelineNamesTheGroupsItDisabled() throws Exception {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");
        cloud.seed("hello-prod-v001", Capacity.fixed(2), true, "v1");

        OperationState s = engine.run(deploy("redblack", Map.of()));

        assertThat(s.status()).as("%s", s.error()).isEqualTo(OperationStatus.SUCCEEDED);
        changes.assertTimelineNamesWhatChanged(s);
        assertThat(cloud.mutations()).containsExactly("create hello-prod-v002", "disable hello-prod-v001",
                "disable hello-prod-v000");
    }

    @Test
    void everyStrategyIsNamedByItsIdAsUsersWriteIt() {
        for (Strategy strategy : Strategy.values()) {
            assertThat(Strategy.parse("strategy", strategy.id())).isEqualTo(strategy);
            assertThat(Strategy.parse("strategy", strategy.id().toUpperCase(java.util.Locale.ROOT))).isEqualTo(strategy);
        }
        assertThat(Strategy.REDBLACK.id()).isEqualTo("redblack");
        assertThat(Strategy.parse("strategy", "")).isEqualTo(Strategy.NONE);
        assertThat(Strategy.parse("strategy", null)).isEqualTo(Strategy.NONE);
    }

    @Test
    void rollingRedBlackIntoAnEmptyClusterCreatesTheGroupAndMovesNoTraffic() throws Exception {
        OperationState s = engine.run(deploy("rollingredblack", Map.of("targetPercentages", List.of(50))));

        assertThat(s.status()).as("%s", s.error()).isEqualTo(OperationStatus.SUCCEEDED);
        // Pinning, each disable of the source and unpinning find nothing to do, and their timeline entries say so.
        changes.assertTimelineNamesWhatChanged(s);
        assertThat(cloud.mutations()).containsExactly("create hello-prod-v000", "resize hello-prod-v000 1",
                "resize hello-prod-v000 2");
        assertThat(s.context()).doesNotContainKey("sourceServerGroup");
    }
}
