package io.clusterdeploy.provider.local;

import static io.clusterdeploy.provider.local.LocalMetricSourceTest.refused;
import static io.clusterdeploy.provider.local.ProviderFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.metricsource.MetricSourceTypes;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.provider.Accounts;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local metric source as a canary analysis uses it: real sample-app processes behind the load balancer, real
 * HTTP requests through it, and the series read back through {@link LocalProvider#metricSource()}.
 */
class LocalMetricSourceTrafficTest {
    private static final String ACCOUNT = ProviderFixture.ACCOUNT;

    @TempDir
    Path stateDir;
    private ProviderFixture fx;

    @BeforeEach
    void start() {
        fx = new ProviderFixture(stateDir);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private static double sum(TimeSeries s) {
        return Arrays.stream(s.values()).filter(v -> !Double.isNaN(v)).sum();
    }

    @Test
    void aBaselineAndACanaryReadBackAsTheTrafficWas() {
        Instant beforeCreation = Instant.now().minusSeconds(3);
        LoadBalancer lb = fx.loadBalancer("hello");
        fx.deploy("hello-v001", 1, List.of("hello"), SampleApp.command("v1", "--latency-ms", "30"));
        fx.deploy("hello-v002", 1, List.of("hello"), SampleApp.command("v2", "--error-rate", "1"));
        fx.awaitAll("hello-v001", 1, HealthState.UP);
        fx.awaitAll("hello-v002", 1, HealthState.UP);
        for (int i = 0; i < 60; i++) {
            fx.http.get(lb.address(), "/");
        }
        // The window ends after the last answer; the reads wait until its last second is over, so every one
        // of them sees the same seconds.
        Instant end = Instant.now().plusMillis(100);
        long endSecond = end.getEpochSecond() + (end.getNano() > 0 ? 1 : 0); // the window's end, rounded up
        await().until(() -> Instant.now().getEpochSecond() >= endSecond);
        MetricSource source = fx.provider.metricSource();
        assertThat(source.type()).isEqualTo("local");
        MetricScope baseline = MetricScope.serverGroup(ACCOUNT, "local", "hello", "hello-v001");
        MetricScope canary = MetricScope.serverGroup(ACCOUNT, "local", "hello", "hello-v002");
        TimeWindow perSecond = new TimeWindow(beforeCreation, end, Duration.ofSeconds(1));

        TimeSeries baselineRequests = source.fetch(MetricQuery.of("local", "requests"), baseline, perSecond);
        TimeSeries canaryRequests = source.fetch(MetricQuery.of("local", "requests"), canary, perSecond);
        // What a front end gets from the registry (on without settings where a local account exists) reads the same.
        MetricSource registered = MetricSourceTypes.discover(getClass().getClassLoader())
                .build("metricSources", null, new Accounts(List.of(fx.provider)), LocalMetricSourceFactoryTest.NO_SECRETS)
                .forQuery(MetricQuery.of("local", "requests"), "metrics[0]");
        assertThat(registered.fetch(MetricQuery.of("local", "requests"), canary, perSecond).values())
                .containsExactly(canaryRequests.values());
        // One point a second from the window's first second; per-second rates at a step of 1 s are counts.
        long seconds = endSecond - beforeCreation.getEpochSecond();
        assertThat(baselineRequests.size()).isEqualTo((int) seconds);
        assertThat(baselineRequests.epochMillis(0)).isEqualTo(beforeCreation.getEpochSecond() * 1000);
        assertThat(sum(baselineRequests)).isEqualTo(30);
        assertThat(sum(canaryRequests)).isEqualTo(30);
        // The seconds before the groups existed are gaps, not quiet seconds.
        assertThat(baselineRequests.value(0)).isNaN();
        assertThat(sum(source.fetch(MetricQuery.of("local", "errors_5xx"), canary, perSecond))).isEqualTo(30);
        assertThat(sum(source.fetch(MetricQuery.of("local", "errors_5xx"), baseline, perSecond))).isZero();
        assertThat(sum(source.fetch(MetricQuery.of("local", "connection_errors"), baseline, perSecond))).isZero();
        TimeSeries canaryErrorRate = source.fetch(MetricQuery.of("local", "error_rate"), canary, perSecond);
        assertThat(Arrays.stream(canaryErrorRate.values()).filter(v -> !Double.isNaN(v))).isNotEmpty().containsOnly(1.0);
        TimeSeries baselineErrorRate = source.fetch(MetricQuery.of("local", "error_rate"), baseline, perSecond);
        assertThat(Arrays.stream(baselineErrorRate.values()).filter(v -> !Double.isNaN(v))).isNotEmpty().containsOnly(0.0);

        // Over the whole window in one step: the quantiles of all its requests, as the provider's own statistics
        // give them; the app sleeps 30 ms a request, so the baseline's median cannot be under 30 ms.
        TimeWindow oneStep = new TimeWindow(beforeCreation, end, Duration.ofSeconds(seconds));
        Instant from = Instant.ofEpochSecond(beforeCreation.getEpochSecond());
        Instant to = Instant.ofEpochSecond(endSecond);
        TimeSeries baselineP50 = source.fetch(MetricQuery.of("local", "latency_p50"), baseline, oneStep);
        assertThat(baselineP50.size()).isEqualTo(1);
        assertThat(baselineP50.value(0)).isGreaterThanOrEqualTo(30.0)
                .isEqualTo(fx.provider.trafficStatistics("hello-v001", from, to).latencyQuantileMillis(0.5));
        assertThat(source.fetch(MetricQuery.of("local", "latency_p99"), canary, oneStep).value(0))
                .isEqualTo(fx.provider.trafficStatistics("hello-v002", from, to).latencyQuantileMillis(0.99));

        // Steps aggregate seconds: each step's rate is the mean of its recorded seconds' counts.
        TimeSeries threes = source.fetch(MetricQuery.of("local", "requests"), baseline,
                new TimeWindow(beforeCreation, end, Duration.ofSeconds(3)));
        double[] ones = baselineRequests.values();
        assertThat(threes.size()).isEqualTo((ones.length + 2) / 3);
        for (int i = 0; i < threes.size(); i++) {
            double[] part = Arrays.stream(Arrays.copyOfRange(ones, 3 * i, Math.min(ones.length, 3 * i + 3)))
                    .filter(v -> !Double.isNaN(v)).toArray();
            assertThat(threes.epochMillis(i)).isEqualTo(baselineRequests.epochMillis(3 * i));
            if (part.length == 0) {
                assertThat(threes.value(i)).isNaN();
            } else {
                assertThat(threes.value(i)).isCloseTo(Arrays.stream(part).average().orElseThrow(),
                        org.assertj.core.data.Offset.offset(1e-9));
            }
        }

        // The cluster adds up its groups.
        TimeSeries cluster = source.fetch(MetricQuery.of("local", "requests"), MetricScope.cluster(ACCOUNT, null, "hello"),
                perSecond);
        assertThat(sum(cluster)).isEqualTo(60);

        // Seconds not over yet are gaps.
        Instant now = Instant.now();
        TimeSeries ahead = source.fetch(MetricQuery.of("local", "requests"), baseline,
                new TimeWindow(now.plusSeconds(1), now.plusSeconds(5), Duration.ofSeconds(1)));
        assertThat(ahead.values()).containsOnly(Double.NaN);
    }

    @Test
    void scopesOutsideTheAccountOrWithoutGroupsAreRefused() {
        fx.deploy("hello-v001", 0, List.of(), SampleApp.command("v1"));
        MetricSource source = fx.provider.metricSource();
        Instant now = Instant.now();
        TimeWindow window = new TimeWindow(now.minusSeconds(60), now, Duration.ofSeconds(10));
        MetricQuery requests = MetricQuery.of("local", "requests");
        refused(() -> source.fetch(requests, MetricScope.serverGroup(ACCOUNT, "local", "hello", "hello-v009"), window),
                ErrorKind.NOT_FOUND, "serverGroup");
        refused(() -> source.fetch(requests, MetricScope.cluster(ACCOUNT, "local", "other"), window),
                ErrorKind.NOT_FOUND, "cluster");
        refused(() -> source.fetch(requests, MetricScope.serverGroup("prod", "local", "hello", "hello-v001"), window),
                ErrorKind.INVALID_INPUT, "account");
        refused(() -> source.fetch(requests, MetricScope.serverGroup(ACCOUNT, "us-east-1", "hello", "hello-v001"), window),
                ErrorKind.INVALID_INPUT, "location");
        refused(() -> source.fetch(requests, MetricScope.serverGroup(ACCOUNT, "local", "hello-canary", "hello-v001"),
                window), ErrorKind.INVALID_INPUT, "cluster");
        refused(() -> source.fetch(requests, MetricScope.serverGroup(ACCOUNT, "local", "hello", "hello-v001"),
                new TimeWindow(now.minus(Duration.ofHours(3)), now.minus(Duration.ofHours(2)), Duration.ofMinutes(1))),
                ErrorKind.INVALID_INPUT, "start");
        // A group without traffic since it was created reads as recorded zeros, once the seconds are over.
        Instant second = Instant.ofEpochSecond(Instant.now().getEpochSecond());
        TimeWindow next = new TimeWindow(second.plusSeconds(1), second.plusSeconds(3), Duration.ofSeconds(1));
        MetricScope group = MetricScope.serverGroup(ACCOUNT, "local", "hello", "hello-v001");
        TimeSeries quiet = source.fetch(requests, group, next);
        await().until(() -> Instant.now().getEpochSecond() >= second.getEpochSecond() + 3);
        TimeSeries later = source.fetch(requests, group, next);
        assertThat(quiet.values()).containsOnly(Double.NaN);
        assertThat(later.values()).containsExactly(0.0, 0.0);
    }
}
