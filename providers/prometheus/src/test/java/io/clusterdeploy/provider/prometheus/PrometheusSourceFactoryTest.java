package io.clusterdeploy.provider.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.metricsource.MetricSourceTypes;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The {@code prometheus} entry of {@code metricSources}, as the standalone YAML and the Jenkins form give it. */
class PrometheusSourceFactoryTest {
    private final MetricSourceTypes types = MetricSourceTypes.discover(getClass().getClassLoader());

    private static void refused(Runnable call, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ClusterDeployException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).doesNotContain("s3cr3t");
        });
    }

    @Test
    void badSettingsAreRefusedNamingTheFieldBeforeAnythingIsBuilt() {
        assertThat(types.known()).contains("prometheus");
        refused(() -> types.validate("metricSources", Map.of("prometheus", Map.of())), "metricSources.prometheus.url");
        refused(() -> types.validate("metricSources", Map.of("prometheus", Map.of("url", "ftp://metrics"))),
                "metricSources.prometheus.url");
        refused(() -> types.validate("metricSources", Map.of("prometheus",
                Map.of("url", "https://u:s3cr3t@metrics.example.com"))), "metricSources.prometheus.url");
        refused(() -> types.validate("metricSources", Map.of("prometheus",
                Map.of("url", "https://metrics.example.com", "username", "bob"))), "metricSources.prometheus.password");
        refused(() -> types.validate("metricSources", Map.of("prometheus",
                Map.of("url", "https://metrics.example.com", "step", "1m"))), "metricSources.prometheus.step");
    }

    @Test
    void theSecretComesFromTheResolverAndNeverShows() {
        List<String> asked = new ArrayList<>();
        SecretResolver secrets = (field, reference) -> {
            asked.add(field + "=" + reference);
            return "s3cr3t".toCharArray();
        };
        MetricSources sources = types.build("metricSources", Map.of("prometheus", Map.of("url", "https://metrics.example.com",
                "username", "bob", "password", "env:PROM_PASSWORD")), new Accounts(List.of()), secrets);
        MetricSource source = sources.forQuery(MetricQuery.of("prometheus", "up"), "metrics[0]");
        assertThat(source).isInstanceOf(PrometheusSource.class);
        assertThat(asked).containsExactly("password=env:PROM_PASSWORD");
        assertThat(source.toString()).doesNotContain("s3cr3t");
    }
}
