package io.clusterdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import io.clusterdeploy.engine.testing.StepChanges;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** rollbackCluster: which group comes back, at what size, when it is healthy enough, and what a failure undoes. */
class RollbackClusterTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final EngineHarness engine = new EngineHarness(cloud);
    private final StepChanges changes = new StepChanges(engine.runner, cloud);

    @AfterEach
    void close() {
        engine.close();
    }

    private static Map<String, Object> rollback(Map<String, Object> fields) {
        return ClusterRequests.request("rollbackCluster", "hello", fields);
    }

    private Capacity capacity(String name) {
        return cloud.serverGroup("fake-1", name).orElseThrow().capacity();
    }

    private boolean enabled(String name) {
        return cloud.serverGroup("fake-1", name).orElseThrow().enabled();
    }

    @Test
    void twoGroupsAreEnoughAndTheRestoredOneTakesTheLargerOfBothCapacities() throws Exception {
        cloud.seed("hello-v000", new Capacity(1, 2, 6), false, "v1");
        cloud.seed("hello-v001", new Capacity(2, 3, 4), true, "v2");

        OperationState s = engine.run(rollback(Map.of()));

        assertThat(s.status()).as("%s", s.error()).isEqualTo(OperationStatus.SUCCEEDED);
        changes.assertTimelineNamesWhatChanged(s);
        assertThat(cloud.mutations()).containsExactly("resize hello-v000 3", "enable hello-v000", "disable hello-v001");
        assertThat(capacity("hello-v000")).isEqualTo(new Capacity(2, 3, 6));
        assertThat(s.context()).containsEntry("currentServerGroup", "hello-v001")
                .containsEntry("restoreServerGroup", "hello-v000")
                .containsEntry("resizedServerGroups", List.of("hello-v000"))
                .containsEntry("enabledServerGroups", List.of("hello-v000"))
                .containsEntry("disabledServerGroups", List.of("hello-v001"));
    }

    @Test
    void aRestoredGroupAlreadyAtTheTargetCapacityIsNotResized() throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(2), false, "v1");
        cloud.seed("hello-v001", Capacity.fixed(2), true, "v2");

        OperationState s = engine.run(rollback(Map.of()));

        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(cloud.mutations()).containsExactly("enable hello-v000", "disable hello-v001");
        assertThat(s.context()).doesNotContainKey("resizedServerGroups");
    }

    @Test
    void theCurrentGroupIsTheNewestEnabledOneAndTheRestoredOneTheNextOlder() throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(1), false, "v1");
        cloud.seed("hello-v001", Capacity.fixed(1), false, "v2");
        cloud.seed("hello-v002", Capacity.fixed(1), true, "v3");
        cloud.seed("hello-v003", Capacity.fixed(1), false, "v4");

        OperationState s = engine.run(rollback(Map.of()));

        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(s.context()).containsEntry("currentServerGroup", "hello-v002")
                .containsEntry("restoreServerGroup", "hello-v001");
        assertThat(enabled("hello-v001")).isTrue();
        assertThat(enabled("hello-v002")).isFalse();
    }

    private void assertRefused(Map<String, Object> request, ErrorKind kind, String field) {
        ClusterRequests.assertRefused(engine, request, kind, field);
    }

    @Test
    void rollbacksThatCannotChooseAreRefusedBeforeTheyStart() {
        cloud.seed("hello-v000", Capacity.fixed(1), true, "v1");
        assertRefused(rollback(Map.of()), ErrorKind.INVALID_INPUT, "cluster");

        // The only enabled group is the oldest: nothing older to go back to.
        cloud.seed("hello-v001", Capacity.fixed(1), false, "v2");
        assertRefused(rollback(Map.of()), ErrorKind.INVALID_INPUT, "cluster");
        assertRefused(rollback(Map.of("restoreServerGroupName", "hello-v000")), ErrorKind.INVALID_INPUT,
                "restoreServerGroupName");
        assertRefused(rollback(Map.of("restoreServerGroupName", "hello-v007")), ErrorKind.NOT_FOUND,
                "restoreServerGroupName");

        assertThat(engine.store.list()).isEmpty();
        assertThat(cloud.mutations()).isEmpty();
    }

    @Test
    void rollbacksWithoutAnEnabledGroupAreRefused() {
        cloud.seed("hello-v000", Capacity.fixed(1), false, "v1");
        cloud.seed("hello-v001", Capacity.fixed(1), false, "v2");
        assertRefused(rollback(Map.of()), ErrorKind.INVALID_INPUT, "cluster");
        assertThat(cloud.mutations()).isEmpty();
    }

    /**
     * Spinnaker's default share by the restored group's size: 100% below 10 instances, 90% below 20, 95% from 20
     * on; each just met and just missed at the sizes where the share changes.
     */
    @ParameterizedTest(name = "{1} of {0} up: rollback succeeds {2}")
    @CsvSource({"9, 8, false", "9, 9, true", "10, 8, false", "10, 9, true", "19, 17, false", "19, 18, true",
            "20, 18, false", "20, 19, true"})
    void theDefaultHealthyShareDependsOnTheSize(int size, int up, boolean succeeds) throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(size), false, "v1");
        cloud.seed("hello-v001", Capacity.fixed(size), true, "v2");
        cloud.setHealthyInstances("hello-v000", up);

        OperationState s = engine.run(rollback(Map.of("timeoutSec", 1)));

        assertThat(s.status()).as("%s", s.error()).isEqualTo(succeeds ? OperationStatus.SUCCEEDED : OperationStatus.FAILED);
        assertThat(enabled("hello-v001")).isEqualTo(!succeeds);
    }

    @Test
    void anExplicitHealthyShareIsTheOneWaitedFor() throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(4), false, "v1");
        cloud.seed("hello-v001", Capacity.fixed(4), true, "v2");
        cloud.setHealthyInstances("hello-v000", 2);

        OperationState s = engine.run(rollback(Map.of("targetHealthyRollbackPercentage", 50, "timeoutSec", 1)));

        assertThat(s.status()).as("%s", s.error()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(enabled("hello-v000")).isTrue();
        assertThat(enabled("hello-v001")).isFalse();
    }

    @Test
    void aRestoredGroupShortOfItsShareFailsTheRollbackAndGoesBackAsItWas() throws Exception {
        cloud.seed("hello-v000", new Capacity(0, 10, 10), false, "v1");
        cloud.seed("hello-v001", new Capacity(0, 10, 12), true, "v2");
        cloud.setHealthyInstances("hello-v000", 8);

        OperationState s = engine.run(rollback(Map.of("timeoutSec", 1)));

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        changes.assertTimelineNamesWhatChanged(s);
        assertThat(s.error().kind()).isEqualTo("CONFLICT");
        assertThat(enabled("hello-v001")).isTrue();
        assertThat(enabled("hello-v000")).isFalse();
        assertThat(capacity("hello-v000")).isEqualTo(new Capacity(0, 10, 10));
        assertThat(cloud.mutations()).containsExactly("resize hello-v000 10", "enable hello-v000",
                "disable hello-v000", "resize hello-v000 10");
    }

    @Test
    void aRestoredGroupThatWasEnabledStaysEnabledAfterAFailure() throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(2), true, "v1");
        cloud.seed("hello-v001", Capacity.fixed(2), true, "v2");
        cloud.setHealthy("hello-v000", false);

        OperationState s = engine.run(rollback(Map.of("timeoutSec", 1)));

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        changes.assertTimelineNamesWhatChanged(s);
        assertThat(enabled("hello-v000")).isTrue();
        assertThat(enabled("hello-v001")).isTrue();
        assertThat(cloud.mutations()).containsExactly("enable hello-v000", "resize hello-v000 2");
    }

    @Test
    void whenTheCurrentGroupLeftTrafficMeanwhileTheRestoredOneKeepsServing() throws Exception {
        cloud.seed("hello-v000", Capacity.fixed(2), false, "v1");
        cloud.seed("hello-v001", Capacity.fixed(2), true, "v2");
        cloud.setHealthy("hello-v000", false);
        FakeCloudProvider.Pause pause = cloud.pauseAfter("enable hello-v000");
        OperationState started = engine.runner.start(rollback(Map.of()));
        try {
            assertThat(pause.awaitReached(30)).isTrue();
            // Someone else takes the current group out of traffic, and the rollback is cancelled.
            cloud.disable("fake-1", "hello-v001", 100);
            engine.runner.cancel(started.id());
        } finally {
            pause.release();
        }
        OperationState s = engine.runner.awaitFinished(started.id(), Duration.ofSeconds(30));

        assertThat(s.status()).isEqualTo(OperationStatus.CANCELLED);
        // The undo step changed nothing; its timeline entry says which group it left serving.
        assertThat(s.steps().get(s.steps().size() - 1).message()).contains("hello-v000");
        assertThat(enabled("hello-v000")).as("the only group left in traffic").isTrue();
        assertThat(cloud.mutations()).containsExactly("enable hello-v000", "disable hello-v001");
    }
}
