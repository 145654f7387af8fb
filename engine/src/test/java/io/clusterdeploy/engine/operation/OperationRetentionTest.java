package io.clusterdeploy.engine.operation;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.catalog.OperationCatalog;
import io.clusterdeploy.engine.guard.GuardedCloudProvider;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Finished operations are pruned by count and by age; a running one never is. */
class OperationRetentionTest {

    private static OperationSummary summary(String id, OperationStatus status, Instant updated) {
        return new OperationSummary(id, "deploy", null, status, updated, updated);
    }

    @Test
    void keepsTheNewestFinishedWithinTheAgeAndEveryRunningOne() {
        Instant now = Instant.parse("2026-12-01T12:00:00Z");
        OperationRetention keep2For1Day = new OperationRetention(2, Duration.ofDays(1));
        List<OperationSummary> newestFirst = List.of(
                summary("running-old", OperationStatus.RUNNING, now.minus(Duration.ofDays(90))),
                summary("f1", OperationStatus.SUCCEEDED, now.minusSeconds(10)),
                summary("f2", OperationStatus.FAILED, now.minusSeconds(20)),
                summary("f3", OperationStatus.CANCELLED, now.minusSeconds(30)),
                summary("old", OperationStatus.SUCCEEDED, now.minus(Duration.ofDays(2))));
        assertThat(keep2For1Day.toPrune(newestFirst, now)).containsExactly("f3", "old");
        assertThat(new OperationRetention(10, Duration.ofDays(1)).toPrune(newestFirst, now)).containsExactly("old");
        assertThat(new OperationRetention(10, Duration.ofDays(365)).toPrune(newestFirst, now)).isEmpty();
    }

    @Test
    void theRunnerPrunesWhenAnOperationFinishes() throws Exception {
        FakeCloudProvider cloud = new FakeCloudProvider("test");
        Accounts accounts = new Accounts(List.of(new GuardedCloudProvider(cloud, TrafficGuards.none())));
        InMemoryOperationStore store = new InMemoryOperationStore();
        Clock clock = Clock.systemUTC();
        try (OperationRunner runner = new OperationRunner(accounts, store, new OperationCatalog(accounts,
                TrafficGuards.none()), new OperationRunner.Options(clock,
                Duration.ofMillis(5), new OperationRetention(3, Duration.ofDays(7))))) {
            for (int i = 0; i < 5; i++) {
                Map<String, Object> r = new HashMap<>(Map.of("type", "deploy", "account", "test", "application",
                        "app" + i, "capacity", Map.of("min", 1, "desired", 1, "max", 1), "spec", Map.of("version", "v")));
                OperationState s = runner.start(r);
                runner.awaitFinished(s.id(), Duration.ofSeconds(30));
            }
            // Pruning follows the final save of each operation, on the operation's thread.
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> store.summaries().size() == 3);
            assertThat(store.summaries()).allSatisfy(s -> assertThat(s.status().isFinished()).isTrue());
        }
    }
}
