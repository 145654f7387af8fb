package io.jenkins.plugins.clusterdeploy.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.jenkins.plugins.clusterdeploy.config.MetricSourceSettings;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A Prometheus credentials id becomes references the engine resolves, never a secret value in the settings. */
class MetricSourceCredentialsTest {
    private final List<StandardCredentials> store = List.of(FakeCredentials.userPass("prom-basic", "ci", "pa55"),
            FakeCredentials.text("prom-token", "t0ken"), FakeCredentials.other("prom-odd"));
    private final CredentialsLookup lookup = id -> store.stream().filter(c -> c.getId().equals(id)).findFirst()
            .map(StandardCredentials.class::cast).or(Optional::empty);

    private static Map<String, Object> section(String id) {
        return Map.of("prometheus", Map.of("url", "http://prom:9090", "credentialsId", id), "local", false);
    }

    @Test
    void usernamePasswordAndSecretTextBecomeReferences() {
        assertThat(MetricSourceSettings.withCredentials(section("prom-basic"), lookup)).isEqualTo(Map.of(
                "prometheus", Map.of("url", "http://prom:9090", "username", "ci", "password", "prom-basic"),
                "local", false));
        assertThat(MetricSourceSettings.withCredentials(section("prom-token"), lookup)).isEqualTo(Map.of(
                "prometheus", Map.of("url", "http://prom:9090", "bearerToken", "prom-token"), "local", false));
        Map<String, Object> none = Map.of("prometheus", Map.of("url", "http://prom:9090"));
        assertThat(MetricSourceSettings.withCredentials(none, lookup)).isSameAs(none);
        // What the engine's resolver then hands the source: the secret, from the id.
        assertThat(new CredentialsSecretResolver(lookup).resolve("metricSources.prometheus.password", "prom-basic"))
                .containsExactly("pa55".toCharArray());
    }

    @Test
    void unknownOrUnusableCredentialsNameTheField() {
        assertThatThrownBy(() -> MetricSourceSettings.withCredentials(section("nope"), lookup))
                .isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.field()).isEqualTo("metricSources.prometheus.credentialsId"))
                .hasMessageContaining("'nope'");
        assertThatThrownBy(() -> MetricSourceSettings.withCredentials(section("prom-odd"), lookup))
                .hasMessageContaining("Username with password or Secret text").hasMessageNotContaining("pa55");
    }
}
