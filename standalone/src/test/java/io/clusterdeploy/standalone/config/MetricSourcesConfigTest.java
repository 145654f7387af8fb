package io.clusterdeploy.standalone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.api.ApiRequest;
import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.metricsource.MetricSourceFactory;
import io.clusterdeploy.engine.metricsource.MetricSourceTypes;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.ProviderTypes;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.standalone.server.StandaloneServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code metricSources} section: read from the file, checked before anything starts with errors naming the file
 * and the field, secrets from {@code env:NAME} references, and the sources handed to the engine so that a
 * canaryAnalysis reads them. The real factories come with their modules; here a test factory stands in.
 */
class MetricSourcesConfigTest {
    @TempDir
    Path tmp;

    private final ProviderTypes providers = ProviderTypes.discover(ProviderTypes.class.getClassLoader());

    /** A "prometheus" stand-in: url required, password an env reference; its series are a fixed ramp. */
    static final class StandIn implements MetricSourceFactory {
        final List<Map<String, Object>> settings = new ArrayList<>();
        final List<String> passwords = new ArrayList<>();

        @Override
        public String type() {
            return "prometheus";
        }

        @Override
        public void validate(Map<String, Object> s) {
            if (!(s.get("url") instanceof String url) || !url.startsWith("http")) {
                throw ClusterDeployException.invalid("url", "url must be an http or https URL");
            }
        }

        @Override
        public MetricSource create(Map<String, Object> s, Accounts accounts, SecretResolver secrets) {
            settings.add(s);
            if (s.get("password") != null) {
                passwords.add(new String(secrets.resolve("password", String.valueOf(s.get("password")))));
            }
            return new MetricSource() {
                @Override
                public String type() {
                    return "prometheus";
                }

                @Override
                public TimeSeries fetch(MetricQuery query, MetricScope scope, TimeWindow window) {
                    double[] v = new double[(int) window.points()];
                    for (int i = 0; i < v.length; i++) {
                        v[i] = 10 + i % 7;
                    }
                    return TimeSeries.regular(window.start(), window.step(), v);
                }
            };
        }
    }

    private final StandIn standIn = new StandIn();
    private final MetricSourceTypes types = new MetricSourceTypes(List.of(standIn));
    private final SecretResolver env = new EnvSecretResolver(Map.of("PROM_PASSWORD", "hunter2")::get);

    private Path write(String yaml) throws IOException {
        Path file = tmp.resolve("config.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private String config(String metricSources) {
        return """
                stateDir: %s
                accounts:
                  - name: local
                    type: local
                %s
                """.formatted(tmp.resolve("state"), metricSources);
    }

    @Test
    void aSectionBuildsItsSourcesWithSecretsFromTheEnvironment() throws Exception {
        Path file = write(config("""
                metricSources:
                  prometheus:
                    url: http://127.0.0.1:9090
                    username: ci
                    password: env:PROM_PASSWORD
                """));
        StandaloneConfig cfg = new ConfigLoader(providers).load(file);
        assertThat(cfg.metricSources()).containsOnlyKeys("prometheus");
        MetricSources sources = new MetricSourcesBuilder(types, env).build(cfg, file.toString(),
                new Accounts(List.of()));
        assertThat(sources.types()).containsExactly("prometheus");
        assertThat(standIn.settings.get(0)).containsEntry("url", "http://127.0.0.1:9090").containsEntry("username", "ci")
                .containsEntry("password", "env:PROM_PASSWORD");
        assertThat(standIn.passwords).containsExactly("hunter2");
    }

    private ClusterDeployException refused(String section) throws IOException {
        Path file = write(config(section));
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> {
            StandaloneConfig cfg = new ConfigLoader(providers).load(file);
            StandaloneServer.start(cfg, file.toString(), providers, types, env, 0).close();
        });
        assertThat(thrown).isInstanceOf(ClusterDeployException.class);
        assertThat(thrown.getMessage()).as("names the file").contains(file.toString());
        assertThat(tmp.resolve("state")).as("nothing created").doesNotExist();
        return (ClusterDeployException) thrown;
    }

    @Test
    void badSectionsAreRefusedBeforeAnythingStarts() throws Exception {
        ClusterDeployException unknown = refused("metricSources: {promethus: {url: http://x}}");
        assertThat(unknown.field()).isEqualTo("metricSources.promethus");
        assertThat(unknown.getMessage()).contains("unknown metric source type 'promethus'; known types: prometheus");

        assertThat(refused("metricSources: {prometheus: {url: ftp://x}}").field())
                .isEqualTo("metricSources.prometheus.url");
        assertThat(refused("metricSources: {prometheus: http://x}").field()).isEqualTo("metricSources.prometheus");
        assertThat(refused("metricSources: [prometheus]").field()).isEqualTo("metricSources");
    }

    @Test
    void aMissingSecretNamesItsReferenceNeverAValue() throws Exception {
        Path file = write(config("metricSources: {prometheus: {url: 'http://127.0.0.1:9090', password: env:NOT_SET}}"));
        StandaloneConfig cfg = new ConfigLoader(providers).load(file);
        assertThatThrownBy(() -> new MetricSourcesBuilder(types, env).build(cfg, file.toString(),
                new Accounts(List.of())))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.field()).isEqualTo("metricSources.prometheus.password");
                    assertThat(e.getMessage()).contains("NOT_SET").doesNotContain("hunter2");
                });
    }

    @Test
    @SuppressWarnings("unchecked")
    void theServerHandsItsSourcesToTheEngine() throws Exception {
        Path file = write(config("metricSources: {prometheus: {url: 'http://127.0.0.1:9090'}}"));
        StandaloneConfig cfg = new ConfigLoader(providers).load(file);
        try (StandaloneServer server = StandaloneServer.start(cfg, file.toString(), providers, types, env, 0)) {
            assertThat(server.engine().metricSources().types()).containsExactly("prometheus");
            Json json = new Json();
            Map<String, Object> request = new LinkedHashMap<>();
            request.put("type", "canaryAnalysis");
            request.put("control", Map.of("account", "local", "serverGroup", "hello-prod-v000"));
            request.put("experiment", Map.of("account", "local", "serverGroup", "hello-prod-v001"));
            request.put("window", Map.of("start", "2024-06-03T10:00:00Z", "end", "2024-06-03T11:00:00Z"));
            request.put("config", Map.of("source", "prometheus",
                    "metrics", List.of(Map.of("name", "latency", "query", "up"))));
            String started = server.engine().api().handle(ApiRequest.post("/operations", json.write(request))).json();
            String id = (String) json.readObject(started).get("id");
            OperationState done = server.engine().operations().awaitFinished(id, Duration.ofSeconds(60));
            assertThat(done.status()).isEqualTo(OperationStatus.SUCCEEDED);
            Map<String, Object> result = (Map<String, Object>) done.context().get("canaryAnalysis");
            assertThat(result).containsEntry("classification", "Pass");
        }
    }
}
