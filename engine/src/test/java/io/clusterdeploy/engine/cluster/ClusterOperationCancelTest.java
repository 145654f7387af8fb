package io.clusterdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cancel reaches the loops that take whole groups out of traffic, empty them and destroy them between two
 * groups: the groups after the cancel are left as they were and the operation ends CANCELLED. The fake cloud
 * holds the loop right after its first change until the cancel is recorded, so the moment is exact.
 */
class ClusterOperationCancelTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final EngineHarness engine = new EngineHarness(cloud);

    @AfterEach
    void close() {
        engine.close();
    }

    /** Three groups of two instances, oldest first. */
    @BeforeEach
    void cluster() {
        cloud.seed("hello-v000", Capacity.fixed(2), true, "v1");
        cloud.seed("hello-v001", Capacity.fixed(2), true, "v2");
        cloud.seed("hello-v002", Capacity.fixed(2), true, "v3");
    }

    /** Starts {@code request}, cancels it once the cloud made {@code firstChange}, and waits for its end. */
    private OperationState cancelAfter(String firstChange, Map<String, Object> request) throws Exception {
        FakeCloudProvider.Pause pause = cloud.pauseAfter(firstChange);
        OperationState started = engine.runner.start(request);
        try {
            assertThat(pause.awaitReached(30)).as("reached %s", firstChange).isTrue();
            engine.runner.cancel(started.id());
        } finally {
            pause.release();
        }
        return engine.runner.awaitFinished(started.id(), Duration.ofSeconds(30));
    }

    private static Map<String, Object> op(String type, Map<String, Object> fields) {
        return ClusterRequests.request(type, "hello", fields);
    }

    private void assertCancelled(OperationState s) {
        assertThat(s.status()).isEqualTo(OperationStatus.CANCELLED);
        assertThat(s.error().kind()).isEqualTo("CANCELLED");
    }

    private boolean enabled(String name) {
        return cloud.serverGroup("fake-1", name).orElseThrow().enabled();
    }

    @Test
    void disableClusterStopsBetweenGroups() throws Exception {
        OperationState s = cancelAfter("disable hello-v002",
                op("disableCluster", Map.of("remainingEnabledServerGroups", 0)));

        assertCancelled(s);
        assertThat(cloud.mutations()).containsExactly("disable hello-v002");
        assertThat(enabled("hello-v001")).isTrue();
        assertThat(enabled("hello-v000")).isTrue();
    }

    @Test
    void scaleDownClusterStopsBetweenGroups() throws Exception {
        OperationState s = cancelAfter("resize hello-v001 0", op("scaleDownCluster",
                Map.of("remainingFullSizeServerGroups", 1, "allowScaleDownActive", true)));

        assertCancelled(s);
        assertThat(cloud.mutations()).containsExactly("resize hello-v001 0");
        assertThat(cloud.serverGroup("fake-1", "hello-v000").orElseThrow().capacity()).isEqualTo(Capacity.fixed(2));
        assertThat(s.context().get("scaledDownServerGroups")).isEqualTo(List.of("hello-v001"));
    }

    @Test
    void shrinkClusterStopsBetweenGroups() throws Exception {
        OperationState s = cancelAfter("destroy hello-v001",
                op("shrinkCluster", Map.of("shrinkToSize", 1, "allowDeleteActive", true)));

        assertCancelled(s);
        assertThat(cloud.mutations()).containsExactly("disable hello-v001", "destroy hello-v001");
        assertThat(cloud.serverGroup("fake-1", "hello-v000")).isPresent();
        assertThat(enabled("hello-v000")).isTrue();
    }
}
