package io.clusterdeploy.engine.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
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

class TrafficGuardTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final EngineHarness engine = new EngineHarness(cloud,
            new TrafficGuards(List.of(new TrafficGuard("test", null, "hello-prod"))));

    @AfterEach
    void close() {
        engine.close();
    }

    private OperationState run(Map<String, Object> fields) throws Exception {
        Map<String, Object> r = new HashMap<>(fields);
        r.put("account", "test");
        return engine.run(r);
    }

    private OperationState deploy(String strategy) throws Exception {
        return run(Map.of("type", "deploy", "application", "hello", "stack", "prod", "strategy", strategy,
                "capacity", Map.of("min", 1, "desired", 1, "max", 1), "spec", Map.of("version", "v")));
    }

    @BeforeEach
    void oneServingGroup() throws Exception {
        assertThat(deploy("none").status()).isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void disablingTheLastServingGroupFailsNamingTheGuardAndChangesNothing() throws Exception {
        int before = cloud.mutations().size();
        OperationState s = run(Map.of("type", "disable", "serverGroupName", "hello-prod-v000"));
        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(s.error().field()).isEqualTo("trafficGuard");
        assertThat(s.error().message()).contains("test/*/hello-prod").contains("no enabled, up instance");
        assertThat(cloud.mutations()).hasSize(before);
    }

    @Test
    void destroyingTheLastServingGroupFails() throws Exception {
        OperationState s = run(Map.of("type", "destroy", "serverGroupName", "hello-prod-v000"));
        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(cloud.serverGroup("fake-1", "hello-prod-v000")).isPresent();
    }

    @Test
    void disableClusterThatWouldEmptyTheClusterIsRefusedBeforeItStarts() throws Exception {
        deploy("none");
        int before = cloud.mutations().size();
        assertThatThrownBy(() -> run(Map.of("type", "disableCluster", "cluster", "hello-prod",
                "remainingEnabledServerGroups", 0)))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> assertThat(e.field()).isEqualTo("trafficGuard"));
        assertThat(cloud.mutations()).hasSize(before);
    }

    @Test
    void redBlackAndHighlanderStillWorkOnAGuardedCluster() throws Exception {
        assertThat(deploy("redblack").status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(deploy("highlander").status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(cloud.serverGroups("hello")).singleElement().satisfies(sg -> assertThat(sg.enabled()).isTrue());
    }

    @Test
    void removingGroupsThatServeNothingIsAllowed() throws Exception {
        deploy("redblack"); // v000 disabled, v001 serving
        assertThat(run(Map.of("type", "destroy", "serverGroupName", "hello-prod-v000")).status())
                .isEqualTo(OperationStatus.SUCCEEDED);
    }

    @Test
    void unguardedClustersAreNotChecked() throws Exception {
        run(Map.of("type", "deploy", "application", "other", "capacity", Map.of("min", 1, "desired", 1, "max", 1),
                "spec", Map.of("version", "v")));
        assertThat(run(Map.of("type", "disable", "serverGroupName", "other-v000")).status())
                .isEqualTo(OperationStatus.SUCCEEDED);
    }
}
