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
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A provider that reports changes wakes the waits of operations at once: with a poll interval of an hour, a
 * health gate still passes as soon as the instances become healthy, and a runner that closes unsubscribes.
 */
class ChangeWakeupTest {

    @Test
    void aHealthChangeWakesTheHealthGateLongBeforeThePollWould() throws Exception {
        FakeCloudProvider cloud = new FakeCloudProvider("test");
        Accounts accounts = new Accounts(List.of(new GuardedCloudProvider(cloud, TrafficGuards.none())));
        try (OperationRunner runner = new OperationRunner(accounts, new InMemoryOperationStore(),
                new OperationCatalog(accounts, TrafficGuards.none()),
                new OperationRunner.Options(Clock.systemUTC(), Duration.ofHours(1)))) {
            Map<String, Object> r = new HashMap<>(Map.of("type", "deploy", "account", "test", "application", "hello",
                    "capacity", Map.of("min", 1, "desired", 1, "max", 1),
                    "spec", Map.of("version", "v1", "healthy", false)));
            OperationState s = runner.start(r);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> runner.get(s.id()).orElseThrow().steps()
                    .stream().anyMatch(st -> st.name().equals("waitForHealthy")));
            cloud.setHealthy("hello-v000", true);
            // Without the wake-up this would wait for the next poll, an hour away.
            Awaitility.await().atMost(Duration.ofSeconds(30))
                    .until(() -> runner.get(s.id()).orElseThrow().status() == OperationStatus.SUCCEEDED);
        }
    }

    @Test
    void aClosedRunnerNoLongerListens() {
        FakeCloudProvider cloud = new FakeCloudProvider("test");
        Accounts accounts = new Accounts(List.of(new GuardedCloudProvider(cloud, TrafficGuards.none())));
        OperationRunner runner = new OperationRunner(accounts, new InMemoryOperationStore(),
                new OperationCatalog(accounts, TrafficGuards.none()), OperationRunner.Options.defaults());
        assertThat(cloud.subscribers()).isEqualTo(1);
        runner.close();
        assertThat(cloud.subscribers()).as("an engine rebuilt over the same providers leaves nothing behind").isZero();
    }
}
