package io.clusterdeploy.provider.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusSettingsTest {
    private static final SecretResolver SECRETS = (field, reference) -> switch (reference) {
        case "env:PROM_PASSWORD" -> "s3cret-pass".toCharArray();
        case "env:PROM_TOKEN" -> "tok-123".toCharArray();
        default -> throw ClusterDeployException.notFound(field, field + ": no secret " + reference);
    };

    private static void assertRefused(Runnable r, String field, String message) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ClusterDeployException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message).doesNotContain("s3cret").doesNotContain("tok-123");
        });
    }

    @Test
    void parsedFromTheYamlShapeWithSecretsFromTheResolver() {
        PrometheusSettings s = PrometheusSettings.parse("prometheus", Map.of("url", "https://metrics.example.com/prom",
                "username", "canary", "password", "env:PROM_PASSWORD", "queryTimeoutMillis", 5000), SECRETS);
        assertThat(s.url()).isEqualTo(URI.create("https://metrics.example.com/prom"));
        assertThat(s.password().reveal()).isEqualTo("s3cret-pass");
        assertThat(s.queryTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.connectTimeout()).isEqualTo(PrometheusSettings.DEFAULT_CONNECT_TIMEOUT);
        assertThat(s.endpoint("api/v1/query_range")).isEqualTo(URI.create("https://metrics.example.com/prom/api/v1/query_range"));
    }

    @Test
    void noSecretInToStringOrJson() {
        PrometheusSettings basic = PrometheusSettings.of(URI.create("https://p.example.com"))
                .withBasicAuth("canary", Secret.of("s3cret-pass"));
        PrometheusSettings bearer = PrometheusSettings.of(URI.create("https://p.example.com"))
                .withBearerToken(Secret.of("tok-123"));
        assertThat(basic.toString()).contains("username=canary").contains("password=****").doesNotContain("s3cret");
        assertThat(bearer.toString()).contains("bearerToken=****").doesNotContain("tok-123");
        // A secret has nothing a JSON mapper could write: serialising settings fails rather than leaks.
        String json;
        try {
            json = new Json().write(basic);
        } catch (RuntimeException e) {
            json = e.getMessage();
        }
        assertThat(json).doesNotContain("s3cret");
    }

    @Test
    void badSettingsAreRefusedNamingTheFieldWithoutShowingASecret() {
        assertRefused(() -> PrometheusSettings.parse("prometheus", Map.of(), SECRETS), "prometheus.url", "required");
        assertRefused(() -> PrometheusSettings.parse("prometheus", Map.of("url", "ftp://x"), SECRETS), "prometheus.url",
                "must be an http or https URL");
        assertRefused(() -> PrometheusSettings.of(URI.create("https://bob:s3cret-pass@p.example.com")), "url",
                "must not carry credentials");
        assertRefused(() -> PrometheusSettings.of(URI.create("https://p.example.com/?token=tok-123")), "url",
                "without a query");
        assertRefused(() -> PrometheusSettings.of(URI.create("http://p.example.com")).withBasicAuth("bob",
                Secret.of("s3cret-pass")), "url", "credentials are sent only over https");
        assertThat(PrometheusSettings.of(URI.create("http://127.0.0.1:9090")).withBearerToken(Secret.of("tok-123"))
                .bearerToken().reveal()).isEqualTo("tok-123");
        assertRefused(() -> PrometheusSettings.parse("prometheus", Map.of("url", "https://p", "username", "bob",
                "password", "env:PROM_PASSWORD", "bearerToken", "env:PROM_TOKEN"), SECRETS), "prometheus.bearerToken",
                "not both");
        assertRefused(() -> PrometheusSettings.parse("prometheus", Map.of("url", "https://p", "username", "bob"),
                SECRETS), "prometheus.password", "needs a password");
        assertRefused(() -> PrometheusSettings.parse("prometheus", Map.of("url", "https://p", "password",
                "env:PROM_PASSWORD"), SECRETS), "prometheus.username", "needs a username");
        assertRefused(() -> PrometheusSettings.parse("prometheus", Map.of("url", "https://p", "bearerToken",
                "env:MISSING"), SECRETS), "prometheus.bearerToken", "no secret env:MISSING");
        assertRefused(() -> PrometheusSettings.parse("prometheus", Map.of("url", "https://p", "queryTimeoutMillis", 0),
                SECRETS), "prometheus.queryTimeoutMillis", "");
        assertRefused(() -> PrometheusSettings.parse("prometheus", Map.of("url", "https://p", "pasword", "x"),
                SECRETS), "prometheus.pasword", "");
    }
}
