package io.clusterdeploy.engine.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.operation.Phase;
import io.clusterdeploy.engine.operation.StepRecord;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A deploy that fails after the groups that served before it are gone (a highlander whose destroy of the old group
 * deleted it and then failed, as a lost answer does on a cloud) must not take the new group out of traffic on
 * rollback: it is the only one left to serve.
 */
class RollbackKeepsTrafficTest {
    private final FakeCloudProvider cloud = new FakeCloudProvider("test");

    /** The fake cloud, except that destroying a group deletes it and then fails, as once in a cloud under faults. */
    private CloudProvider destroyFailsAfterDeleting() {
        return (CloudProvider) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {CloudProvider.class},
                (proxy, method, args) -> {
                    try {
                        Object result = method.invoke(cloud, args);
                        if (method.getName().equals("destroy")) {
                            throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null, "the answer was lost");
                        }
                        return result;
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static Map<String, Object> deploy(String strategy, String version, Map<String, Object> rollback) {
        Map<String, Object> r = new HashMap<>();
        r.put("type", "deploy");
        r.put("account", "test");
        r.put("application", "hello");
        r.put("stack", "prod");
        r.put("strategy", strategy);
        r.put("capacity", Map.of("min", 2, "desired", 2, "max", 2));
        r.put("spec", Map.of("version", version));
        r.put("rollback", rollback);
        return r;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aHighlanderFailingAfterTheOldGroupIsGoneKeepsTheNewGroupServing(boolean destroyLatest) throws Exception {
        try (EngineHarness first = new EngineHarness(cloud)) {
            assertThat(first.run(deploy("none", "v1", Map.of())).status()).isEqualTo(OperationStatus.SUCCEEDED);
        }
        try (EngineHarness engine = new EngineHarness(destroyFailsAfterDeleting())) {
            OperationState s = engine.run(deploy("highlander", "v2", Map.of("onFailure", true,
                    "destroyLatest", destroyLatest)));

            assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
            assertThat(s.error().message()).contains("the answer was lost");
            List<ServerGroup> cluster = cloud.serverGroups("hello");
            assertThat(cluster).extracting(ServerGroup::name).containsExactly("hello-prod-v001");
            assertThat(cluster.get(0).enabled()).as("the new group still serves").isTrue();
            assertThat(cloud.mutations()).noneMatch(m -> m.equals("disable hello-prod-v001")
                    || m.equals("destroy hello-prod-v001"));
            assertThat(s.steps()).filteredOn(st -> st.phase() == Phase.ROLLBACK).last().extracting(StepRecord::message)
                    .asString().contains("kept hello-prod-v001 enabled").contains("hello-prod-v000");
        }
    }

    @Test
    void aFirstDeployThatFailsIsStillTakenOutOfTraffic() throws Exception {
        try (EngineHarness engine = new EngineHarness(cloud)) {
            Map<String, Object> r = deploy("redblack", "v1", Map.of("onFailure", true));
            r.put("spec", Map.of("version", "v1", "healthy", false));
            r.put("deployTimeoutSec", 1);
            OperationState s = engine.run(r);

            assertThat(s.status()).isEqualTo(OperationStatus.FAILED);
            assertThat(cloud.serverGroup("fake-1", "hello-prod-v000").orElseThrow().disabled()).isTrue();
        }
    }
}
