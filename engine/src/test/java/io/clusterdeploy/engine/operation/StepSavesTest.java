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
 * Every save is forced to disk, so a step's end and the next step's start are one save, and the last step's end
 * is the operation's success: no state is stored between two steps of a phase or between the last step and
 * the end, and the timeline is the same as when they were separate saves.
 */
class StepSavesTest {

    @Test
    void aStepsEndIsSavedWithTheNextStepsStartOrTheOperationsSuccess() throws Exception {
        FakeCloudProvider cloud = new FakeCloudProvider("test");
        Accounts accounts = new Accounts(List.of(new GuardedCloudProvider(cloud, TrafficGuards.none())));
        List<OperationState> saved = new CopyOnWriteArrayList<>();
        InMemoryOperationStore memory = new InMemoryOperationStore();
        OperationStore recording = new OperationStore() {
            @Override
            public void save(OperationState state) {
                saved.add(state);
                memory.save(state);
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
        try (OperationRunner runner = new OperationRunner(accounts, recording,
                new OperationCatalog(accounts, TrafficGuards.none()),
                new OperationRunner.Options(Clock.systemUTC(), Duration.ofMillis(10)))) {
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
            // Acceptance (no step yet), then states with one step running, then the last step's end, which is the
            // operation's success.
            assertThat(mine.get(0).steps()).isEmpty();
            List<OperationState> running = mine.subList(1, n - 1);
            assertThat(running).isNotEmpty().allSatisfy(s -> assertThat(s.steps())
                    .filteredOn(st -> st.status() == StepStatus.RUNNING).hasSize(1));
            assertThat(mine.get(n - 1).status()).isEqualTo(OperationStatus.SUCCEEDED);
            assertThat(mine.get(n - 1).steps()).isEqualTo(end.steps());
            // Each step but the last ends in the same save that starts the next: a step's end is never stored alone.
            for (OperationState s : running) {
                assertThat(s.steps().get(s.steps().size() - 1).status()).isEqualTo(StepStatus.RUNNING);
            }
        }
    }
}
