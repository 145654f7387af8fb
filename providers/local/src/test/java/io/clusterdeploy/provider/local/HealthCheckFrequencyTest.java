package io.clusterdeploy.provider.local;

import static io.clusterdeploy.provider.local.ProviderFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.clusterdeploy.engine.model.HealthState;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The provider checks a disabled group's instances less often than an enabled group's (a quarter as often:
 * {@link ProbeSchedule}), counted as the health requests each instance receives over the same stretch of time,
 * whatever that stretch takes on a loaded machine.
 */
class HealthCheckFrequencyTest {
    @TempDir
    Path stateDir;
    private ProviderFixture fx;
    private final List<HttpServer> servers = new ArrayList<>();

    @BeforeEach
    void start() {
        fx = new ProviderFixture(stateDir);
    }

    @AfterEach
    void stop() {
        servers.forEach(s -> s.stop(0));
        fx.close();
    }

    /** Answers the instance's health checks in its place (its process only sleeps), counting them. */
    private AtomicInteger answerChecksOf(String group) throws Exception {
        String address = fx.group(group).instances().get(0).address();
        int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
        AtomicInteger checks = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/", exchange -> {
            checks.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        servers.add(server);
        return checks;
    }

    @Test
    void aDisabledGroupsInstancesAreCheckedLessOftenThanAnEnabledGroups() throws Exception {
        fx.deploy("hello-v001", 1, List.of(), List.of("sleep", "600"));
        fx.deploy("hello-v002", 1, List.of(), List.of("sleep", "600"));
        AtomicInteger disabledChecks = answerChecksOf("hello-v001");
        AtomicInteger enabledChecks = answerChecksOf("hello-v002");
        fx.awaitAll("hello-v001", 1, HealthState.UP);
        fx.awaitAll("hello-v002", 1, HealthState.UP);

        fx.provider.disable("local", "hello-v001", 100);
        disabledChecks.set(0);
        enabledChecks.set(0);
        // Twelve checks of the enabled instance, one interval apart: the disabled one, at four intervals, gets about
        // three (one more if it was due just after the disable), never anywhere near twelve.
        await().until(() -> enabledChecks.get() >= 12);
        assertThat(disabledChecks.get()).isBetween(1, 6);
        assertThat(fx.states("hello-v001")).as("still passing its checks, out of rotation")
                .containsExactly(HealthState.OUT_OF_SERVICE);
    }
}
