package io.clusterdeploy.provider.local;

import static io.clusterdeploy.provider.local.ProviderFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.LoadBalancer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The load balancer counts each group's traffic per second: requests, 5xx, latency; gaps say so. */
class TrafficStatisticsTest {
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

    @Test
    void requestsErrorsAndLatenciesPerGroupAndSecond() {
        Instant beforeCreation = Instant.now().minusSeconds(5);
        LoadBalancer lb = fx.loadBalancer("hello");
        fx.deploy("hello-v001", 1, List.of("hello"), SampleApp.command("v1", "--latency-ms", "30"));
        fx.deploy("hello-v002", 1, List.of("hello"), SampleApp.command("v2", "--error-rate", "1"));
        fx.awaitAll("hello-v001", 1, HealthState.UP);
        fx.awaitAll("hello-v002", 1, HealthState.UP);
        int ok = 0;
        int errors = 0;
        for (int i = 0; i < 40; i++) {
            int status = fx.http.get(lb.address(), "/").status();
            ok += status == 200 ? 1 : 0;
            errors += status == 500 ? 1 : 0;
        }
        assertThat(ok).isEqualTo(20);
        assertThat(errors).isEqualTo(20);

        await().until(() -> fx.provider.trafficStatistics("hello-v002", beforeCreation, Instant.now()).requests() == 20
                && fx.provider.trafficStatistics("hello-v001", beforeCreation, Instant.now()).requests() == 20);
        Instant to = Instant.now();
        TrafficStatistics slow = fx.provider.trafficStatistics("hello-v001", beforeCreation, to);
        TrafficStatistics failing = fx.provider.trafficStatistics("hello-v002", beforeCreation, to);

        assertThat(slow.serverErrors()).isZero();
        assertThat(failing.serverErrors()).isEqualTo(20);
        assertThat(slow.connectionErrors() + failing.connectionErrors()).isZero();
        // One point per second of the range, the seconds before the group existed not recorded.
        assertThat(slow.points()).hasSize((int) (to.getEpochSecond() - beforeCreation.getEpochSecond()));
        assertThat(slow.points().get(0).recorded()).isFalse();
        assertThat(slow.points().get(0).latencyQuantileMillis(0.5)).isNaN();
        assertThat(slow.points()).filteredOn(TrafficPoint::recorded).isNotEmpty()
                .allSatisfy(p -> assertThat(Arrays.stream(p.latencyHistogram()).sum()).isEqualTo(p.requests()));
        // The app sleeps 30 ms per request: the median lies in the bucket of 30 ms or above (buckets are <= 25% wide).
        assertThat(slow.latencyQuantileMillis(0.5)).isBetween(30.0, 45.0);
        assertThat(failing.latencyQuantileMillis(0.5)).isLessThan(30.0);
    }

    @Test
    void badRangesAndUnknownGroupsAreRefused() {
        fx.deploy("hello-v001", 0, List.of(), SampleApp.command("v1"));
        Instant now = Instant.now();
        refused(() -> fx.provider.trafficStatistics("hello-v009", now.minusSeconds(1), now), ErrorKind.NOT_FOUND, "serverGroup");
        refused(() -> fx.provider.trafficStatistics("hello-v001", now, now.minusSeconds(1)), ErrorKind.INVALID_INPUT, "to");
        refused(() -> fx.provider.trafficStatistics("hello-v001", null, now), ErrorKind.INVALID_INPUT, "from");
        refused(() -> fx.provider.trafficStatistics("hello-v001", now.minus(Duration.ofDays(2)), now),
                ErrorKind.INVALID_INPUT, "to");
        // A group without traffic has recorded zeros, and the second not over yet is not recorded.
        TrafficStatistics quiet = fx.provider.trafficStatistics("hello-v001", now.minusSeconds(3), now.plusSeconds(2));
        assertThat(quiet.points()).hasSize(5);
        assertThat(quiet.points().get(4).recorded()).isFalse();
        assertThat(quiet.requests()).isZero();
    }

    private static void refused(Runnable call, ErrorKind kind, String field) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ClusterDeployException.class, e -> {
            assertThat(e.kind()).isEqualTo(kind);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
