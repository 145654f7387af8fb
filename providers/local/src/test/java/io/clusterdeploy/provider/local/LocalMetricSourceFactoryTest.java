package io.clusterdeploy.provider.local;

import static io.clusterdeploy.provider.local.LocalMetricSourceTest.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.metricsource.MetricSourceTypes;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code local} entry of a front end's {@code metricSources}: found by the registry, on by default, no settings. */
class LocalMetricSourceFactoryTest {
    static final SecretResolver NO_SECRETS = (field, reference) -> {
        throw new AssertionError("the local metric source resolves no secret");
    };

    @TempDir
    Path stateDir;

    @Test
    void theRegistryFindsItAndItTakesNoSettings() {
        MetricSourceTypes types = MetricSourceTypes.discover(getClass().getClassLoader());
        assertThat(types.known()).contains("local");
        types.validate("metricSources", Map.of("local", true));
        types.validate("metricSources", Map.of("local", Map.of("enabled", false)));
        assertThatThrownBy(() -> types.validate("metricSources", Map.of("local", Map.of("url", "http://x"))))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                    assertThat(e.field()).isEqualTo("metricSources.local.url");
                });
    }

    @Test
    void eachScopeIsAnsweredFromTheLocalAccountItNames() {
        try (ProviderFixture fx = new ProviderFixture(stateDir)) {
            MetricSource source = MetricSourceTypes.discover(getClass().getClassLoader())
                    .build("metricSources", null, new Accounts(List.of(fx.provider)), NO_SECRETS)
                    .forQuery(MetricQuery.of("local", "requests"), "metrics[0]");
            Instant now = Instant.now();
            TimeWindow window = new TimeWindow(now.minusSeconds(60), now, Duration.ofSeconds(10));
            refused(() -> source.fetch(MetricQuery.of("local", "requests"),
                    MetricScope.serverGroup("elsewhere", "local", "hello", "hello-v001"), window),
                    ErrorKind.INVALID_INPUT, "account");
            // The account's own source answers: a group it does not have is its NOT_FOUND, not the dispatch's.
            refused(() -> source.fetch(MetricQuery.of("local", "requests"),
                    MetricScope.serverGroup(ProviderFixture.ACCOUNT, "local", "hello", "hello-v009"), window),
                    ErrorKind.NOT_FOUND, "serverGroup");
        }
    }
}
