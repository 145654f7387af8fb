package io.clusterdeploy.engine.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClusterOperationsTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final EngineHarness engine = new EngineHarness(cloud);

    @AfterEach
    void close() {
        engine.close();
    }

    /** v000 (desired 1), v001 (desired 3), v002 (desired 2): all enabled. */
    @BeforeEach
    void threeGroups() throws Exception {
        int[] sizes = {1, 3, 2};
        for (int i = 0; i < sizes.length; i++) {
            Map<String, Object> r = new HashMap<>();
            r.put("type", "deploy");
            r.put("account", "test");
            r.put("application", "hello");
            r.put("capacity", Map.of("min", 0, "desired", sizes[i], "max", 5));
            r.put("spec", Map.of("version", "v" + (i + 1)));
            assertThat(engine.run(r).status()).isEqualTo(OperationStatus.SUCCEEDED);
        }
    }

    private OperationState op(String type, Map<String, Object> fields) throws Exception {
        Map<String, Object> r = new HashMap<>(fields);
        r.put("type", type);
        r.put("account", "test");
        if (!r.containsKey("serverGroupName")) {
            r.putIfAbsent("cluster", "hello");
        }
        return engine.run(r);
    }

    private ServerGroup group(String name) {
        return cloud.serverGroup("fake-1", name).orElseThrow();
    }

    private List<String> names() {
        return cloud.serverGroups("hello").stream().map(ServerGroup::name).sorted().toList();
    }

    @Test
    void disableClusterKeepsTheNewestEnabled() throws Exception {
        OperationState s = op("disableCluster", Map.of());
        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(group("hello-v002").enabled()).isTrue();
        assertThat(group("hello-v001").disabled()).isTrue();
        assertThat(group("hello-v000").disabled()).isTrue();
    }

    @Test
    void disableClusterPreferringLargerKeepsTheLargest() throws Exception {
        op("disableCluster", Map.of("preferLargerOverNewer", true));
        assertThat(group("hello-v001").enabled()).isTrue();
        assertThat(group("hello-v002").disabled()).isTrue();
    }

    @Test
    void scaleDownClusterSkipsActiveGroupsUnlessAllowed() throws Exception {
        op("disableCluster", Map.of());
        OperationState s = op("scaleDownCluster", Map.of());
        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(group("hello-v001").capacity()).isEqualTo(Capacity.ZERO);
        assertThat(group("hello-v000").capacity()).isEqualTo(Capacity.ZERO);
        assertThat(group("hello-v002").capacity().desired()).isEqualTo(2);
    }

    @Test
    void scaleDownClusterLeavesEnabledGroupsAlone() throws Exception {
        OperationState s = op("scaleDownCluster", Map.of());
        assertThat(s.steps().get(0).message()).contains("kept active");
        assertThat(group("hello-v000").capacity().desired()).isEqualTo(1);
    }

    @Test
    void shrinkClusterDestroysOldestDisabledGroups() throws Exception {
        op("disableCluster", Map.of());
        OperationState s = op("shrinkCluster", Map.of("shrinkToSize", 2));
        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(names()).containsExactly("hello-v001", "hello-v002");
    }

    @Test
    void shrinkToSizeBelowOneIsRefused() {
        assertThatThrownBy(() -> op("shrinkCluster", Map.of("shrinkToSize", 0)))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> assertThat(e.field()).isEqualTo("shrinkToSize"));
        assertThat(names()).hasSize(3);
    }

    @Test
    void rollbackClusterRestoresThePreviousGroupAtTheLargerCapacityThenDisablesTheCurrent() throws Exception {
        op("disableCluster", Map.of()); // v002 serves, v001 and v000 disabled
        OperationState s = op("rollbackCluster", Map.of());

        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(group("hello-v001").enabled()).isTrue();
        assertThat(group("hello-v001").capacity()).isEqualTo(new Capacity(0, 3, 5));
        assertThat(group("hello-v002").disabled()).isTrue();
        assertThat(cloud.mutations()).containsSubsequence("enable hello-v001", "disable hello-v002");
    }

    @Test
    void rollbackClusterToANamedGroupAndItsFailureUndoes() throws Exception {
        op("disableCluster", Map.of());
        cloud.setHealthy("hello-v000", false);
        OperationState s = op("rollbackCluster", Map.of("restoreServerGroupName", "hello-v000", "timeoutSec", 1));

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(group("hello-v002").enabled()).isTrue();
        assertThat(group("hello-v000").disabled()).isTrue();
        assertThat(group("hello-v000").capacity()).isEqualTo(new Capacity(0, 1, 5));
    }

    @Test
    void rollbackClusterNeedsTwoGroups() throws Exception {
        op("shrinkCluster", Map.of("allowDeleteActive", true));
        assertThatThrownBy(() -> op("rollbackCluster", Map.of()))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.field()).isEqualTo("cluster");
                    assertThat(e.getMessage()).contains("at least 2");
                });
    }

    @Test
    void defaultRollbackHealthFollowsSpinnaker() {
        assertThat(RollbackCluster.defaultHealthyPercentage(9)).isEqualTo(100);
        assertThat(RollbackCluster.defaultHealthyPercentage(10)).isEqualTo(90);
        assertThat(RollbackCluster.defaultHealthyPercentage(19)).isEqualTo(90);
        assertThat(RollbackCluster.defaultHealthyPercentage(20)).isEqualTo(95);
    }

    @Test
    void findImageFromCluster() throws Exception {
        assertThat(op("findImageFromCluster", Map.of()).context()).containsEntry("image", "v3");
        assertThat(op("findImageFromCluster", Map.of("selectionStrategy", "LARGEST")).context()).containsEntry("image", "v2");
        assertThat(op("findImageFromCluster", Map.of("selectionStrategy", "OLDEST")).context()).containsEntry("image", "v1");
        OperationState fail = op("findImageFromCluster", Map.of("selectionStrategy", "FAIL"));
        assertThat(fail.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(fail.error().message()).contains("3 different images");
    }

    @Test
    void checkClusterSize() throws Exception {
        assertThat(op("checkClusterSize", Map.of("expected", 3)).status()).isEqualTo(OperationStatus.SUCCEEDED);
        OperationState s = op("checkClusterSize", Map.of("expected", 2, "comparison", "<="));
        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(s.error().message()).contains("has 3 server groups; expected <= 2");
        assertThatThrownBy(() -> op("checkClusterSize", Map.of("expected", 2, "comparison", "~")))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> assertThat(e.field()).isEqualTo("comparison"));
    }

    @Test
    void resizeExactlyByNumberAndByPercent() throws Exception {
        Map<String, Object> base = Map.of("serverGroupName", "hello-v001");
        Map<String, Object> exact = new HashMap<>(base);
        exact.put("capacity", Map.of("min", 1, "desired", 4, "max", 5));
        assertThat(op("resize", exact).status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(group("hello-v001").capacity()).isEqualTo(new Capacity(1, 4, 5));

        Map<String, Object> down = new HashMap<>(base);
        down.putAll(Map.of("action", "scale_down", "scaleNum", 2));
        op("resize", down);
        assertThat(group("hello-v001").capacity().desired()).isEqualTo(2);

        Map<String, Object> up = new HashMap<>(base);
        up.putAll(Map.of("action", "scale_up", "scalePct", 50));
        op("resize", up);
        assertThat(group("hello-v001").capacity().desired()).isEqualTo(3);

        Map<String, Object> tooFar = new HashMap<>(base);
        tooFar.putAll(Map.of("action", "scale_up", "scaleNum", 3));
        assertThatThrownBy(() -> op("resize", tooFar)).isInstanceOfSatisfying(ClusterDeployException.class,
                e -> assertThat(e.field()).isEqualTo("scaleNum"));
        assertThat(group("hello-v001").capacity().desired()).isEqualTo(3);
    }
}
