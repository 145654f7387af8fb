package io.clusterdeploy.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.testing.EngineHarness;
import io.clusterdeploy.engine.testing.VersionMetricSource;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Canary deploys are not available on AWS yet (its provider cannot copy a group's launch template for a baseline
 * nor weight target groups): a canary request is refused before anything runs, saying so, and AWS is unchanged.
 */
class AwsCanaryTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    @Test
    void aCanaryIsRefusedBeforeAnythingChangesAndSaysWhy() throws Exception {
        AwsFixture fx = new AwsFixture(MOTO.server());
        try (EngineHarness engine = new EngineHarness(fx.provider, TrafficGuards.none(),
                MetricSources.of(List.of(new VersionMetricSource(fx.provider, Set.of()))))) {
            ProviderCalls.loadBalancer(fx, 2);
            OperationState v1 = engine.run(ProviderCalls.deploy(fx, "none", "v1", true, Map.of()));
            assertThat(v1.status()).as(String.valueOf(v1.error())).isEqualTo(OperationStatus.SUCCEEDED);
            Map<String, Integer> before = fx.moto.inventory();

            Map<String, Object> canary = ProviderCalls.deploy(fx, "canary", "v2", true, Map.of());
            canary.put("canary", Map.of("lifetime", "PT4S", "step", "PT1S", "config", Map.of("source", "fake",
                    "metrics", List.of(Map.of("name", "errors", "query", "errors")))));
            assertThatThrownBy(() -> engine.runner.start(canary)).isInstanceOfSatisfying(ClusterDeployException.class,
                    e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                        assertThat(e.field()).isEqualTo("strategy");
                        assertThat(e.getMessage()).contains("canary deploys are not available on account")
                                .contains("(aws)");
                    });
            assertThat(fx.moto.inventory()).isEqualTo(before);
            assertThat(engine.store.summaries()).hasSize(1);
        } finally {
            fx.close();
        }
    }
}
