package io.clusterdeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A deploy of what the cluster's newest group runs already reuses that group, where the cloud can tell. */
class ReuseTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("test");
    private final EngineHarness engine = new EngineHarness(cloud);

    @AfterEach
    void close() {
        engine.close();
    }

    private static Map<String, Object> deploy(String strategy, String version, Map<String, Object> extra) {
        Map<String, Object> r = new HashMap<>(Map.of("type", "deploy", "account", "test", "application", "hello",
                "stack", "prod", "strategy", strategy, "capacity", Map.of("min", 2, "desired", 2, "max", 2),
                "spec", Map.of("version", version)));
        r.putAll(extra);
        return r;
    }

    private long creates() {
        return cloud.mutations().stream().filter(m -> m.startsWith("create")).count();
    }

    @Test
    void redeployingTheNewestVersionReusesItAndStillMakesItTheOnlyEnabledGroup() throws Exception {
        cloud.reuseIdentical();
        assertThat(engine.run(deploy("none", "v1", Map.of())).status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(engine.run(deploy("none", "v2", Map.of())).status()).isEqualTo(OperationStatus.SUCCEEDED);
        long before = creates();

        OperationState s = engine.run(deploy("redblack", "v2", Map.of()));

        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(creates()).as("nothing created").isEqualTo(before);
        assertThat(s.context()).containsEntry("newServerGroup", "hello-prod-v001").containsEntry("reusedServerGroup", true);
        assertThat(s.steps().get(0).message()).startsWith("reused hello-prod-v001");
        assertThat(cloud.serverGroups("hello")).filteredOn(ServerGroup::enabled).extracting(ServerGroup::name)
                .containsExactly("hello-prod-v001");
        assertThat((List<?>) s.context().get("previousServerGroups")).as("the reused group is not a previous one")
                .hasSize(1);
    }

    @Test
    void aRollbackNeverTakesAwayTheGroupTheDeployReused() throws Exception {
        cloud.reuseIdentical();
        assertThat(engine.run(deploy("none", "v1", Map.of())).status()).isEqualTo(OperationStatus.SUCCEEDED);
        cloud.setHealthy("hello-prod-v000", false);

        OperationState s = engine.run(deploy("redblack", "v1", Map.of("deployTimeoutSec", 1,
                "rollback", Map.of("onFailure", true, "destroyLatest", true))));

        assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
        assertThat(cloud.serverGroup("fake-1", "hello-prod-v000")).as("kept, not destroyed").isPresent();
        assertThat(cloud.mutations()).noneMatch(m -> m.startsWith("destroy") || m.startsWith("disable"));
    }

    @Test
    void rollingRedBlackAlwaysGrowsAGroupOfItsOwn() throws Exception {
        cloud.reuseIdentical();
        assertThat(engine.run(deploy("none", "v1", Map.of())).status()).isEqualTo(OperationStatus.SUCCEEDED);
        OperationState s = engine.run(deploy("rollingredblack", "v1", Map.of()));
        assertThat(s.status()).isEqualTo(OperationStatus.SUCCEEDED);
        assertThat(s.context()).containsEntry("newServerGroup", "hello-prod-v001").doesNotContainKey("reusedServerGroup");
    }

    @Test
    void aDifferentVersionOrSizeIsANewGroup() throws Exception {
        cloud.reuseIdentical();
        assertThat(engine.run(deploy("none", "v1", Map.of())).status()).isEqualTo(OperationStatus.SUCCEEDED);
        Map<String, Object> bigger = deploy("redblack", "v1", Map.of());
        bigger.put("capacity", Map.of("min", 3, "desired", 3, "max", 3));
        assertThat(engine.run(bigger).context()).containsEntry("newServerGroup", "hello-prod-v001");
        assertThat(engine.run(deploy("redblack", "v2", Map.of())).context())
                .containsEntry("newServerGroup", "hello-prod-v002");
    }
}
