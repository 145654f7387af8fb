package io.clusterdeploy.provider.local;

import static io.clusterdeploy.provider.local.ProviderFixture.await;
import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.ServerGroup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real processes behind the real Jetty proxy: health, rotation, enable and disable. */
class TrafficTest {
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

    private Set<String> instancesAnswering(String lbAddress, int requests) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < requests; i++) {
            Http.Answer answer = fx.http.get(lbAddress, "/");
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            seen.add(answer.instance());
        }
        return seen;
    }

    private static Set<String> ids(ServerGroup group) {
        return group.instances().stream().map(Instance::id).collect(Collectors.toSet());
    }

    @Test
    void groupOfThreeBecomesUpAndTheLoadBalancerServesFromEveryInstance() {
        LoadBalancer lb = fx.loadBalancer("hello-prod");
        assertThat(lb.address()).startsWith("127.0.0.1:");
        assertThat(lb.settings()).containsKey("port");

        ServerGroup created = fx.deploy("hello-prod-v001", 3, List.of("hello-prod"), SampleApp.command("v1"));
        assertThat(created.instances()).hasSize(3);
        assertThat(created.moniker().app()).isEqualTo("hello");
        assertThat(created.moniker().cluster()).isEqualTo("hello-prod");
        assertThat(created.moniker().sequence()).isEqualTo(1);
        assertThat(created.artifact()).endsWith("--port $PORT --version v1 --instance-id ${INSTANCE_ID}");
        assertThat(created.disabled()).isFalse();
        assertThat(created.loadBalancers()).containsExactly("hello-prod");

        fx.awaitAll("hello-prod-v001", 3, HealthState.UP);

        Set<String> answered = instancesAnswering(lb.address(), 30);
        assertThat(answered).isEqualTo(ids(fx.group("hello-prod-v001")));
        assertThat(fx.http.get(lb.address(), "/").version()).isEqualTo("v1");

        assertThat(fx.provider.applications()).containsExactly("hello");
        assertThat(fx.provider.serverGroups("hello")).extracting(ServerGroup::name).containsExactly("hello-prod-v001");
        assertThat(fx.provider.loadBalancers("hello")).singleElement()
                .satisfies(l -> assertThat(l.serverGroups()).containsExactly("hello-prod-v001"));
        assertThat(fx.provider.securityGroups("hello")).isEmpty();
        // Each instance logs to its own file under the state directory.
        fx.group("hello-prod-v001").instances().forEach(i ->
                assertThat(stateDir.resolve("hello-prod-v001").resolve(i.id() + ".log")).content().contains("listening on"));
    }

    @Test
    void disableTakesTheGroupOutOfRotationAndEnablePutsItBack() {
        LoadBalancer lb = fx.loadBalancer("hello");
        fx.deploy("hello-v001", 3, List.of("hello"), SampleApp.command("v1"));
        fx.awaitAll("hello-v001", 3, HealthState.UP);

        ServerGroup disabled = fx.provider.disable("local", "hello-v001", 100);

        assertThat(disabled.disabled()).isTrue();
        assertThat(disabled.instances()).extracting(Instance::health).containsOnly(HealthState.OUT_OF_SERVICE);
        Http.Answer none = fx.http.get(lb.address(), "/");
        assertThat(none.status()).isEqualTo(503);
        assertThat(none.body()).contains("no healthy instance");

        ServerGroup enabled = fx.provider.enable("local", "hello-v001");

        assertThat(enabled.disabled()).isFalse();
        assertThat(enabled.instances()).extracting(Instance::health).containsOnly(HealthState.UP);
        assertThat(instancesAnswering(lb.address(), 30)).isEqualTo(ids(enabled));
    }

    @Test
    void partialDisableTakesTheRoundedUpShareOutOfRotation() {
        LoadBalancer lb = fx.loadBalancer("hello");
        fx.deploy("hello-v001", 3, List.of("hello"), SampleApp.command("v1"));
        fx.awaitAll("hello-v001", 3, HealthState.UP);

        ServerGroup half = fx.provider.disable("local", "hello-v001", 50);

        assertThat(half.disabled()).isFalse();
        List<Instance> inService = half.instances().stream().filter(Instance::isUp).toList();
        assertThat(inService).hasSize(1);
        assertThat(half.instances()).filteredOn(i -> i.health() == HealthState.OUT_OF_SERVICE).hasSize(2);
        assertThat(instancesAnswering(lb.address(), 20)).containsExactly(inService.get(0).id());
    }

    @Test
    void neverHealthyInstancesStayStartingAndGetNoTraffic() {
        LoadBalancer lb = fx.loadBalancer("hello");
        fx.deploy("hello-v001", 1, List.of("hello"), SampleApp.command("v1"));
        fx.deploy("hello-v002", 2, List.of("hello"), SampleApp.command("v2", "--never-healthy"));
        fx.awaitAll("hello-v001", 1, HealthState.UP);
        List<Instance> sick = fx.group("hello-v002").instances();
        // The checker has really been asking them (and hearing 503) a few times.
        for (Instance instance : sick) {
            await().until(() -> healthChecks(instance) >= 3);
        }

        Set<String> versions = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            Http.Answer answer = fx.http.get(lb.address(), "/");
            assertThat(answer.status()).isEqualTo(200);
            versions.add(answer.version());
        }

        assertThat(versions).containsExactly("v1");
        assertThat(fx.states("hello-v002")).containsOnly(HealthState.STARTING);
        for (Instance instance : sick) {
            assertThat(fx.http.get(instance.address(), "/metrics").body()).contains("requests_total{version=\"v2\"} 0\n");
        }
    }

    private long healthChecks(Instance instance) {
        String metrics = fx.http.get(instance.address(), "/metrics").body();
        return metrics.lines().filter(l -> l.startsWith("health_checks_total"))
                .mapToLong(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void customHealthPathAndEnvironmentReachTheInstance() throws Exception {
        fx.provider.createServerGroup(ProviderFixture.request("hello-v001", 1, List.of(), Map.of(
                "command", SampleApp.command("v1", "--health-path", "/ready"),
                "healthCheckPath", "/ready",
                "env", Map.of("GREETING", "hi-$INSTANCE_ID"))));
        fx.awaitAll("hello-v001", 1, HealthState.UP);
        long pid = Processes.pidOf("hello-v001-1").orElseThrow();
        Path environ = Path.of("/proc/" + pid + "/environ");
        Assumptions.assumeTrue(Files.isReadable(environ), "needs Linux /proc to read a process's environment");
        assertThat(Files.readString(environ)).contains("GREETING=hi-hello-v001-1\0");
    }
}
