package io.clusterdeploy.engine.metricsource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Account;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.engine.testing.FakeCloudProvider;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricSourceTypesTest {
    /** A source that remembers its settings and whether it was closed. */
    static final class Recorded implements MetricSource, AutoCloseable {
        final String type;
        final Map<String, Object> settings;
        final char[] secret;
        boolean closed;

        Recorded(String type, Map<String, Object> settings, char[] secret) {
            this.type = type;
            this.settings = settings;
            this.secret = secret;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public TimeSeries fetch(MetricQuery query, MetricScope scope, TimeWindow window) {
            return TimeSeries.empty();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    /** A factory of {@code type} that wants a {@code url} and resolves an optional {@code password} reference. */
    static final class Factory implements MetricSourceFactory {
        final String type;
        final List<Recorded> built = new ArrayList<>();

        Factory(String type) {
            this.type = type;
        }

        @Override
        public String type() {
            return type;
        }

        @Override
        public void validate(Map<String, Object> settings) {
            if (type.equals("prometheus") && !(settings.get("url") instanceof String)) {
                throw ClusterDeployException.invalid("url", "url is required");
            }
        }

        @Override
        public MetricSource create(Map<String, Object> settings, Accounts accounts, SecretResolver secrets) {
            if ("fail".equals(settings.get("mode"))) {
                throw ClusterDeployException.invalid("mode", "mode 'fail' cannot be built");
            }
            char[] secret = settings.get("password") == null ? null
                    : secrets.resolve("password", String.valueOf(settings.get("password")));
            Recorded r = new Recorded(type, settings, secret);
            built.add(r);
            return r;
        }
    }

    private final Factory local = new Factory("local");
    private final Factory prometheus = new Factory("prometheus");
    private final Factory cloudwatch = new Factory("cloudwatch");
    private final MetricSourceTypes types = new MetricSourceTypes(List.of(local, prometheus, cloudwatch));
    private final Accounts fakeOnly = new Accounts(List.of(new FakeCloudProvider("test")));

    /** A provider whose account is of type {@code local}; nothing else is asked of it here. */
    private static CloudProvider localProvider(String name) {
        Account account = new Account(name, "local", List.of("local"));
        return (CloudProvider) Proxy.newProxyInstance(CloudProvider.class.getClassLoader(),
                new Class<?>[] {CloudProvider.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "account" -> account;
                    case "toString" -> "local provider " + name;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Map<String, Object> section(Object... pairs) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], pairs[i + 1]);
        }
        return m;
    }

    @Test
    void entriesBuildTheirSourcesWithSecretsResolvedByTheFrontEnd() {
        SecretResolver env = (field, ref) -> ref.equals("env:PROM_PASSWORD") ? "s3cret".toCharArray() : null;
        MetricSources sources = types.build("metricSources", section(
                "prometheus", section("url", "http://127.0.0.1:9090", "username", "ci", "password", "env:PROM_PASSWORD"),
                "cloudwatch", section("account", "prod", "enabled", true)), fakeOnly, env);
        assertThat(sources.types()).containsExactly("cloudwatch", "prometheus");
        assertThat(prometheus.built.get(0).settings).containsOnlyKeys("url", "username", "password");
        assertThat(prometheus.built.get(0).secret).containsExactly("s3cret".toCharArray());
        assertThat(cloudwatch.built.get(0).settings).as("enabled is the registry's").containsOnlyKeys("account");
        assertThat(local.built).as("no local account, no local source").isEmpty();
        sources.close();
        assertThat(prometheus.built.get(0).closed).isTrue();
    }

    @Test
    void theLocalSourceIsOnWheneverALocalAccountExistsUnlessTurnedOff() {
        Accounts withLocal = new Accounts(List.of(new FakeCloudProvider("test"), localProvider("local")));
        assertThat(types.build("metricSources", null, withLocal, SecretResolver.NONE).types()).containsExactly("local");
        assertThat(types.build("metricSources", section("local", false), withLocal, SecretResolver.NONE).types())
                .isEmpty();
        assertThat(types.build("metricSources", section("local", section("enabled", false)), withLocal,
                SecretResolver.NONE).types()).isEmpty();
        assertThat(types.build("metricSources", Map.of(), fakeOnly, SecretResolver.NONE).types()).isEmpty();
        // Without a registered local factory (a front end without the local provider) nothing is added.
        assertThat(new MetricSourceTypes(List.of(prometheus)).build("metricSources", null, withLocal,
                SecretResolver.NONE).types()).isEmpty();
    }

    private void refused(Map<String, Object> section, String field, String messagePart) {
        assertThatThrownBy(() -> types.build("metricSources", section, fakeOnly, SecretResolver.NONE)).as(field)
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(messagePart);
                });
        assertThatThrownBy(() -> types.validate("metricSources", section)).as("validate: " + field)
                .isInstanceOf(ClusterDeployException.class);
    }

    @Test
    void badSectionsAreRefusedNamingTheField() {
        refused(section("promethus", section("url", "x")), "metricSources.promethus",
                "unknown metric source type 'promethus'; known types: cloudwatch, local, prometheus");
        refused(section("prometheus", "http://x"), "metricSources.prometheus", "must be a map");
        refused(section("prometheus", List.of()), "metricSources.prometheus", "was a list");
        refused(section("prometheus", section("username", "ci")), "metricSources.prometheus.url", "url is required");
        refused(section("prometheus", section("url", "x", "enabled", "yes")), "metricSources.prometheus.enabled",
                "true or false");
        assertThatThrownBy(() -> new MetricSourceTypes(List.of(local)).build("metricSources",
                section("prometheus", section()), fakeOnly, SecretResolver.NONE))
                .hasMessageContaining("known types: local");
        assertThatThrownBy(() -> new MetricSourceTypes(List.of(local, new Factory("local"))))
                .hasMessageContaining("registered twice");
    }

    @Test
    void aFailingEntryClosesTheSourcesAlreadyBuilt() {
        assertThatThrownBy(() -> types.build("metricSources", section(
                "prometheus", section("url", "http://127.0.0.1:9090"),
                "cloudwatch", section("mode", "fail")), fakeOnly, SecretResolver.NONE))
                .isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.field()).isEqualTo("metricSources.cloudwatch.mode"));
        assertThat(prometheus.built).hasSize(1);
        assertThat(prometheus.built.get(0).closed).isTrue();
    }
}
