package io.clusterdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.guard.TrafficGuard;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The whole-plan guard check of the cluster operations: a disableCluster, scaleDownCluster or shrinkCluster that
 * would leave a guarded cluster without an enabled, up instance is refused when it is started, before anything is
 * stored or changed, even where each single change would pass the per-change guard; one that leaves traffic runs.
 */
class ClusterOperationGuardsTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final EngineHarness engine = new EngineHarness(cloud,
            new TrafficGuards(List.of(new TrafficGuard("test", null, "hello-prod"))));

    @AfterEach
    void close() {
        engine.close();
    }

    private static Map<String, Object> op(String type, Map<String, Object> fields) {
        return ClusterRequests.request(type, "hello-prod", fields);
    }

    private void assertRefusedAtStart(Map<String, Object> request) {
        ClusterRequests.assertRefused(engine, request, ErrorKind.CONFLICT, "trafficGuard");
        assertThat(engine.store.list()).as("nothing stored").isEmpty();
        assertThat(cloud.mutations()).as("nothing changed").isEmpty();
    }

    private ServerGroup group(String name) {
        return cloud.serverGroup("fake-1", name).orElseThrow();
    }

    @Test
    void scaleDownClusterThatWouldEmptyAGuardedClusterIsRefusedBeforeItStarts() {
        // Scaling v001 down alone would pass (v000 still serves); the plan as a whole would not.
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");
        cloud.seed("hello-prod-v001", Capacity.fixed(2), true, "v2");
        assertRefusedAtStart(op("scaleDownCluster", Map.of("remainingFullSizeServerGroups", 0,
                "allowScaleDownActive", true)));
    }

    @Test
    void shrinkClusterThatWouldDestroyTheOnlyServingGroupIsRefusedBeforeItStarts() {
        // The newest group is kept but serves nothing; the older one is all the traffic there is.
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");
        cloud.seed("hello-prod-v001", Capacity.fixed(2), false, "v2");
        assertRefusedAtStart(op("shrinkCluster", Map.of("shrinkToSize", 1, "allowDeleteActive", true)));
    }

    @Test
    void disableClusterThatWouldLeaveOnlyADisabledGroupIsRefusedBeforeItStarts() {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");
        cloud.seed("hello-prod-v001", Capacity.fixed(2), true, "v2");
        cloud.seed("hello-prod-v002", Capacity.fixed(0), true, "v3");
        // Keeps the newest enabled group, which has no instance: the two serving ones would go.
        assertRefusedAtStart(op("disableCluster", Map.of("remainingEnabledServerGroups", 1)));
    }

    @Test
    void clusterOperationsThatLeaveTrafficRunOnAGuardedCluster() throws Exception {
        cloud.seed("hello-prod-v000", Capacity.fixed(2), true, "v1");
        cloud.seed("hello-prod-v001", Capacity.fixed(2), true, "v2");
        cloud.seed("hello-prod-v002", Capacity.fixed(2), true, "v3");

        assertThat(engine.run(op("disableCluster", Map.of())).status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(group("hello-prod-v002").enabled()).isTrue();
        assertThat(group("hello-prod-v001").disabled()).isTrue();
        assertThat(group("hello-prod-v000").disabled()).isTrue();

        OperationState scaled = engine.run(op("scaleDownCluster", Map.of("remainingFullSizeServerGroups", 2)));
        assertThat(scaled.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(group("hello-prod-v000").capacity()).isEqualTo(Capacity.ZERO);
        assertThat(group("hello-prod-v001").capacity()).isEqualTo(Capacity.fixed(2));

        assertThat(engine.run(op("shrinkCluster", Map.of("shrinkToSize", 1))).status())
                .isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(cloud.serverGroups("hello")).extracting(ServerGroup::name).containsExactly("hello-prod-v002");
        assertThat(cloud.mutations()).containsExactly("disable hello-prod-v001", "disable hello-prod-v000",
                "resize hello-prod-v000 0", "destroy hello-prod-v001", "destroy hello-prod-v000");
    }
}
