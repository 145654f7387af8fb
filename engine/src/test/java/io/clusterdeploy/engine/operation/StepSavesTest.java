package io.clusterdeploy.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.catalog.OperationCatalog;
import io.clusterdeploy.engine.guard.GuardedCloudProvider;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Every save is forced to disk, so the saves are as few as resuming allows: the acceptance records the first
 * step's start when nothing is ahead on the cluster; a step's end and the next step's start are one save, and the
 * last step's end is the operation's success; the end of a step that changes nothing (the health gate) is stored
 * with the next step's intent, or with the success when that intent was forced to disk already (the groups red/black
 * disables served before the deploy, recorded with the new group's name). The timeline is the same as when they were
 * separate saves.
 */
class StepSavesTest {
    private final List<OperationState> saved = new CopyOnWriteArrayList<>();
    /** The states saved without waiting for the disk. */
    private final List<OperationState> unforced = new CopyOnWriteArrayList<>();

    /** A runner over a store that keeps every state it is asked to save. */
    private OperationRunner runner(FakeCloudProvider cloud) {
        Accounts accounts = new Accounts(List.of(new GuardedCloudProvider(cloud, TrafficGuards.none())));
        InMemoryOperationStore memory = new InMemoryOperationStore();
        OperationStore recording = new OperationStore() {
            @Override
            public void save(OperationState state) {
                saved.add(state);
                memory.save(state);
            }

            @Override
            public void saveUnforced(OperationState state) {
                unforced.add(state);
                save(state);
            }

            @Override
            public java.util.Optional<OperationState> load(String id) {
                return memory.load(id);
            }

            @Override
            public List<OperationSummary> summaries() {
                return memory.summaries();
            }

            @Override
            public void delete(String id) {
                memory.delete(id);
            }

            @Override
            public void setAside(String id, String reason) {
                memory.setAside(id, reason);
            }
        };
        return new OperationRunner(accounts, recording, new OperationCatalog(accounts, TrafficGuards.none()),
                new OperationRunner.Options(Clock.systemUTC(), Duration.ofMillis(10)));
    }

    @Test
    void aStepsEndIsSavedWithTheNextStepsStartOrTheOperationsSuccess() throws Exception {
        try (OperationRunner runner = runner(new FakeCloudProvider("test"))) {
            Map<String, Object> r = new HashMap<>(Map.of("type", "deploy", "account", "test", "application", "hello",
                    "capacity", Map.of("min", 1, "desired", 1, "max", 1), "spec", Map.of("version", "v1")));
            runner.awaitFinished(runner.start(r).id(), Duration.ofSeconds(60));
            r.put("strategy", "redblack");
            r.put("spec", Map.of("version", "v2"));
            String id = runner.start(r).id();
            OperationState end = runner.awaitFinished(id, Duration.ofSeconds(60));

            assertThat(end.status()).isEqualTo(OperationStatus.SUCCEEDED);
            List<String> names = end.steps().stream().map(StepRecord::name).toList();
            assertThat(names).containsExactly("createServerGroup", "waitForHealthy", "disablePreviousServerGroups");
            assertThat(end.steps()).allMatch(s -> s.status() == StepStatus.SUCCEEDED);
            for (int i = 1; i < end.steps().size(); i++) {
                assertThat(end.steps().get(i).startedAt()).isAfterOrEqualTo(end.steps().get(i - 1).endedAt());
            }
            List<OperationState> mine = saved.stream().filter(s -> s.id().equals(id)).toList();
            int n = mine.size();
            // The acceptance, with the first step started (the cluster was free), then states with one step running,
            // then the last step's end, which is the operation's success.
            assertThat(mine.get(0).steps()).extracting(StepRecord::name, StepRecord::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("createServerGroup", StepStatus.RUNNING));
            assertThat(mine.get(0).status()).isEqualTo(OperationStatus.RUNNING);
            // createServerGroup forces its intent before it asks the cloud: the acceptance does not wait for the disk,
            // every later save does.
            assertThat(unforced).filteredOn(s -> s.id().equals(id)).containsExactly(mine.get(0));
            assertThat(mine.get(1).context()).containsKey(ContextKeys.NEW_SERVER_GROUP);
            List<OperationState> running = mine.subList(0, n - 1);
            assertThat(running).isNotEmpty().allSatisfy(s -> assertThat(s.steps())
                    .filteredOn(st -> st.status() == StepStatus.RUNNING).hasSize(1));
            assertThat(mine.get(n - 1).status()).isEqualTo(OperationStatus.SUCCEEDED);
            assertThat(mine.get(n - 1).steps()).isEqualTo(end.steps());
            // Each step but the last ends in the same save that starts the next: a step's end is never stored alone.
            for (OperationState s : running) {
                assertThat(s.steps().get(s.steps().size() - 1).status()).isEqualTo(StepStatus.RUNNING);
            }
            // The groups red/black disables are those that served before it, recorded with the new group's name
            // before it was created: the gate's end and the disable need no forced write before the success.
            assertThat(mine.get(1).context().get(ContextKeys.PREVIOUS)).asList().hasSize(1);
            OperationState gatePassed = mine.stream().filter(s -> s.steps().stream().anyMatch(st ->
                    st.name().equals("waitForHealthy") && st.status() == StepStatus.SUCCEEDED)).findFirst().orElseThrow();
            assertThat(gatePassed.status()).isEqualTo(OperationStatus.SUCCEEDED);
            assertThat(gatePassed.context().get(ContextKeys.DISABLED)).isEqualTo(List.of("hello-v000"));
            // Acceptance with the first step's start; the new group's name with the groups serving before it; its
            // end with the gate's start; the success.
            assertThat(n).isEqualTo(4);
        }
    }

    @Test
    void aGroupEnabledWhileTheDeployWaitedIsRecordedBeforeAnyGroupIsDisabled() throws Exception {
        FakeCloudProvider cloud = new FakeCloudProvider("test");
        try (OperationRunner runner = runner(cloud)) {
            Map<String, Object> r = new HashMap<>(Map.of("type", "deploy", "account", "test", "application", "hello",
                    "capacity", Map.of("min", 1, "desired", 1, "max", 1), "spec", Map.of("version", "v1")));
            runner.awaitFinished(runner.start(r).id(), Duration.ofSeconds(60));
            r.put("strategy", "redblack");
            r.put("deployTimeoutSec", 60);
            r.put("spec", Map.of("version", "v2", "healthy", false));
            String id = runner.start(r).id();
            for (int i = 0; i < 3000 && cloud.serverGroup("fake-1", "hello-v001").isEmpty(); i++) {
                Thread.sleep(10);
            }
            // Someone enables another group of the cluster while the new one starts.
            cloud.seed("hello-v007", new io.clusterdeploy.engine.model.Capacity(1, 1, 1), true, "v0");
            cloud.setHealthy("hello-v001", true);
            OperationState end = runner.awaitFinished(id, Duration.ofSeconds(60));

            assertThat(end.status()).isEqualTo(OperationStatus.SUCCEEDED);
            assertThat(end.context().get(ContextKeys.DISABLED)).asList()
                    .containsExactlyInAnyOrder("hello-v000", "hello-v007");
            List<OperationState> mine = saved.stream().filter(s -> s.id().equals(id)).toList();
            OperationState gatePassed = mine.stream().filter(s -> s.steps().stream().anyMatch(st ->
                    st.name().equals("waitForHealthy") && st.status() == StepStatus.SUCCEEDED)).findFirst().orElseThrow();
            // Not derivable from the record of the groups serving before the deploy: forced before any is disabled.
            assertThat(gatePassed.status()).isEqualTo(OperationStatus.RUNNING);
            assertThat(gatePassed.context().get(ContextKeys.DISABLED)).asList().contains("hello-v007");
            assertThat(cloud.serverGroup("fake-1", "hello-v007").orElseThrow().enabled()).isFalse();
        }
    }

    @Test
    void anOperationQueuedBehindAnotherIsAcceptedWithoutAStepAndStartsItWhenItsTurnComes() throws Exception {
        FakeCloudProvider cloud = new FakeCloudProvider("test");
        try (OperationRunner runner = runner(cloud)) {
            Map<String, Object> first = new HashMap<>(Map.of("type", "deploy", "account", "test", "application", "hello",
                    "capacity", Map.of("min", 1, "desired", 1, "max", 1), "deployTimeoutSec", 1,
                    "spec", Map.of("version", "v1", "healthy", false)));
            Map<String, Object> second = new HashMap<>(first);
            second.put("spec", Map.of("version", "v2"));
            // The first holds the cluster until its health gate times out (a second at least).
            String ahead = runner.start(first).id();
            OperationState accepted = runner.start(second);
            assertThat(runner.clusterHolder(accepted.target().lockKey())).isEqualTo(ahead);
            assertThat(accepted.steps()).isEmpty();
            OperationState end = runner.awaitFinished(accepted.id(), Duration.ofSeconds(60));
            assertThat(end.status()).isEqualTo(OperationStatus.SUCCEEDED);
            List<OperationState> mine = saved.stream().filter(s -> s.id().equals(accepted.id())).toList();
            assertThat(mine.get(0).steps()).isEmpty();
            // Queued, it may wait long before its first step: its acceptance is forced.
            assertThat(unforced).doesNotContain(mine.get(0));
            assertThat(mine.get(1).steps()).extracting(StepRecord::name, StepRecord::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("createServerGroup", StepStatus.RUNNING));
            assertThat(mine.get(1).steps().get(0).startedAt())
                    .isAfterOrEqualTo(runner.get(ahead).orElseThrow().updatedAt());
        }
    }
}
