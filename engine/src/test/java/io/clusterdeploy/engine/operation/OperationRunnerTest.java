package io.clusterdeploy.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OperationRunnerTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final EngineHarness engine = new EngineHarness(cloud);

    @AfterEach
    void close() {
        engine.close();
    }

    private static Map<String, Object> redBlack(String version, int delayBeforeDisableSec) {
        Map<String, Object> r = new HashMap<>();
        r.put("type", "deploy");
        r.put("account", "test");
        r.put("application", "hello");
        r.put("strategy", "redblack");
        r.put("capacity", Map.of("min", 1, "desired", 1, "max", 1));
        r.put("spec", Map.of("version", version));
        r.put("delayBeforeDisableSec", delayBeforeDisableSec);
        return r;
    }

    @Test
    void stateIsPersistedAfterEveryStepAndRoundTripsThroughJson() throws Exception {
        List<OperationState> seen = new ArrayList<>();
        engine.runner.addListener(s -> {
            synchronized (seen) {
                seen.add(s);
            }
        });
        OperationState done = engine.run(redBlack("v1", 0));

        assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(seen).extracting(OperationState::nextStep).contains(0, 1, 2, 3);
        OperationState stored = engine.store.load(done.id()).orElseThrow();
        assertThat(stored).isEqualTo(done);
        Json json = new Json();
        assertThat(json.read(json.write(stored), OperationState.class)).isEqualTo(stored);
        assertThat(stored.steps()).allSatisfy(st -> {
            assertThat(st.status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(st.endedAt()).isAfterOrEqualTo(st.startedAt());
        });
    }

    @Test
    void anOperationAbandonedMidStepIsResumedByAFreshRunnerWithoutDuplicatingWork() throws Exception {
        engine.run(redBlack("v1", 0));
        OperationState started = engine.runner.start(redBlack("v2", 2));
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.runner.get(started.id()).orElseThrow()
                .steps().stream().anyMatch(s -> s.name().equals("waitBeforeDisable")));
        engine.runner.close(); // the "crash": threads stop, state stays RUNNING in the store

        OperationState abandoned = engine.store.load(started.id()).orElseThrow();
        assertThat(abandoned.status()).isEqualTo(OperationStatus.RUNNING);
        assertThat(abandoned.nextStep()).isEqualTo(2);

        try (OperationRunner restarted = engine.newRunner()) {
            assertThat(restarted.resumeAll()).isEqualTo(1);
            OperationState done = restarted.awaitFinished(started.id(), Duration.ofSeconds(30));
            assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
            assertThat(done.steps()).extracting(StepRecord::status).contains(StepStatus.INTERRUPTED);
        }
        assertThat(cloud.serverGroups("hello")).extracting(ServerGroup::name)
                .containsExactlyInAnyOrder("hello-v000", "hello-v001");
        assertThat(cloud.mutations()).filteredOn(m -> m.startsWith("create")).hasSize(2);
        assertThat(cloud.serverGroup("fake-1", "hello-v000").orElseThrow().disabled()).isTrue();
    }

    @Test
    void aCreatedGroupIsAdoptedWhenTheRunnerDiedBeforeRecordingTheStepsEnd() throws Exception {
        // Simulate a crash right after the cloud call: the context names the group and the
        // group exists with this operation's tag, but the step was never marked complete.
        OperationState first = engine.run(redBlack("v1", 0));
        OperationState replay = new OperationState(first.id(), first.type(), first.target(), first.failIfBusy(),
                first.request(), OperationStatus.RUNNING, Phase.MAIN, 0, first.steps().subList(0, 1),
                first.context(), null, false, null, first.createdAt(), first.updatedAt());
        try (OperationRunner restarted = engine.newRunner()) {
            restarted.resume(replay);
            OperationState done = restarted.awaitFinished(first.id(), Duration.ofSeconds(30));
            assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
            assertThat(done.steps().get(1).message()).startsWith("adopted hello-v000");
        }
        assertThat(cloud.mutations()).filteredOn(m -> m.startsWith("create")).hasSize(1);
    }

    @Test
    void cancelStopsAtASafePointAndRunsTheRollback() throws Exception {
        engine.run(redBlack("v1", 0));
        Map<String, Object> req = redBlack("v2", 30);
        req.put("rollback", Map.of("onFailure", true));
        OperationState started = engine.runner.start(req);
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.runner.get(started.id()).orElseThrow()
                .steps().stream().anyMatch(s -> s.name().equals("waitBeforeDisable")));

        engine.runner.cancel(started.id());
        OperationState done = engine.runner.awaitFinished(started.id(), Duration.ofSeconds(30));

        assertThat(done.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(done.cancelRequested()).isTrue();
        assertThat(cloud.serverGroup("fake-1", "hello-v000").orElseThrow().enabled()).isTrue();
        assertThat(cloud.serverGroup("fake-1", "hello-v001").orElseThrow().disabled()).isTrue();
        assertThatThrownBy(() -> engine.runner.cancel(started.id()))
                .isInstanceOf(ClusterDeployException.class).hasMessageContaining("already ended");
    }

    @Test
    void theFirstCancelsWhoAndWhyAreKeptThroughEveryLaterChange() {
        OperationState s = new OperationState("op-1", "deploy", null, false, Map.of(), OperationStatus.RUNNING,
                Phase.MAIN, 0, List.of(), Map.of(), null, false, null, java.time.Instant.EPOCH, java.time.Instant.EPOCH);
        java.time.Instant t1 = java.time.Instant.EPOCH.plusSeconds(1);
        OperationState first = s.withCancelRequested("session s-1", "first", t1);
        OperationState second = first.withCancelRequested("session s-2", "second", t1.plusSeconds(1));
        assertThat(second.cancellation()).isEqualTo(new Cancellation("session s-1", "first", t1));
        OperationState later = second.withStepStarted("createServerGroup", t1.plusSeconds(2))
                .withStepEnded(StepStatus.CANCELLED, "cancelled", false, t1.plusSeconds(3))
                .withRollbackPhase(null, t1.plusSeconds(4)).withContext(Map.of("k", "v"), t1.plusSeconds(5))
                .finished(OperationStatus.CANCELLED, null, t1.plusSeconds(6));
        assertThat(later.cancellation()).isEqualTo(first.cancellation());
        assertThat(later.cancelRequested()).isTrue();
    }

    @Test
    void aCancelRecordedBeforeARestartStillCancelsAndSaysWho() throws Exception {
        engine.run(redBlack("v1", 0));
        OperationState started = engine.runner.start(redBlack("v2", 60));
        await().atMost(Duration.ofSeconds(30)).until(() -> engine.runner.get(started.id()).orElseThrow()
                .steps().stream().anyMatch(s -> s.name().equals("waitBeforeDisable")));
        // The server died right after saving the cancel, before the operation reached its safe point.
        OperationState saved = engine.runner.get(started.id()).orElseThrow()
                .withCancelRequested("Jenkins user alice", "the canary dashboards are red", java.time.Instant.now());
        engine.close();
        try (OperationRunner restarted = engine.newRunner()) {
            restarted.resume(saved);
            OperationState done = restarted.awaitFinished(started.id(), Duration.ofSeconds(30));
            assertThat(done.status()).isEqualTo(OperationStatus.CANCELLED);
            assertThat(done.cancellation().by()).isEqualTo("Jenkins user alice");
            assertThat(done.error().message())
                    .isEqualTo("cancelled on request by Jenkins user alice: the canary dashboards are red");
        }
        assertThat(cloud.serverGroup("fake-1", "hello-v000").orElseThrow().enabled()).isTrue();
    }

    @Test
    void cancellingAnUnknownOperationIsNotFound() {
        assertThatThrownBy(() -> engine.runner.cancel("nope"))
                .isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.kind().httpStatus()).isEqualTo(404));
    }

    @Test
    void operationsOnOneClusterQueueAndFailIfBusyAnswersConflict() throws Exception {
        engine.run(redBlack("v1", 0));
        OperationState first = engine.runner.start(redBlack("v2", 1));
        OperationState second = engine.runner.start(redBlack("v3", 0));
        Map<String, Object> impatient = redBlack("v4", 0);
        impatient.put("failIfBusy", true);
        assertThatThrownBy(() -> engine.runner.start(impatient))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind().httpStatus()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("busy with operation " + first.id());
                });

        OperationState a = engine.runner.awaitFinished(first.id(), Duration.ofSeconds(30));
        OperationState b = engine.runner.awaitFinished(second.id(), Duration.ofSeconds(30));
        assertThat(a.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(b.status()).isEqualTo(OperationStatus.SUCCEEDED);
        // The second started only after the first ended: no interleaving of their steps.
        assertThat(b.steps().get(0).startedAt()).isAfterOrEqualTo(a.updatedAt());
        assertThat(a.context()).containsEntry("newServerGroup", "hello-v001");
        assertThat(b.context()).containsEntry("newServerGroup", "hello-v002");
    }

    @Test
    void operationsOnDifferentClustersRunInParallel() throws Exception {
        engine.run(redBlack("v1", 0));
        OperationState slow = engine.runner.start(redBlack("v2", 300));
        Map<String, Object> other = redBlack("v1", 0);
        other.put("application", "other");
        other.put("failIfBusy", true);
        OperationState fast = engine.runner.start(other);
        assertThat(engine.runner.awaitFinished(fast.id(), Duration.ofSeconds(30)).status())
                .isEqualTo(OperationStatus.SUCCEEDED);
        // The other cluster's deploy is still in its 300 s wait: they really ran side by side.
        assertThat(engine.runner.get(slow.id()).orElseThrow().status()).isEqualTo(OperationStatus.RUNNING);
        engine.runner.cancel(slow.id());
        assertThat(engine.runner.awaitFinished(slow.id(), Duration.ofSeconds(30)).status())
                .isEqualTo(OperationStatus.CANCELLED);
    }

    @Test
    void emitsStartingCompleteAndFailedEventsForOperationsAndSteps() throws Exception {
        List<io.clusterdeploy.engine.event.OperationEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        engine.runner.addEventListener(events::add);
        engine.run(redBlack("v1", 0));
        assertThat(events).extracting(e -> e.type() + (e.step() == null ? "" : " " + e.step())).containsExactly(
                "operation.starting",
                "step.starting createServerGroup", "step.complete createServerGroup",
                "step.starting waitForHealthy", "step.complete waitForHealthy",
                "step.starting disablePreviousServerGroups", "step.complete disablePreviousServerGroups",
                "operation.complete");
        assertThat(events.get(events.size() - 1).context()).containsEntry("newServerGroup", "hello-v000");

        events.clear();
        Map<String, Object> bad = redBlack("v2", 0);
        bad.put("spec", Map.of("version", "v2", "healthy", false));
        bad.put("deployTimeoutSec", 1);
        engine.run(bad);
        assertThat(events).extracting(io.clusterdeploy.engine.event.OperationEvent::type)
                .contains("step.failed").last().isEqualTo("operation.failed");
        assertThat(events.get(events.size() - 1).message()).contains("health gate");
    }
}
