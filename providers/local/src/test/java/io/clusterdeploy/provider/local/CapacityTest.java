package io.clusterdeploy.provider.local;

import static io.clusterdeploy.provider.local.ProviderFixture.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.ServerGroup;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Process counts converge to the capacity; dead processes are replaced; nothing outlives destroy or close. */
class CapacityTest {
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

    private Set<Long> pids(String group) {
        return fx.group(group).instances().stream()
                .map(i -> Processes.pidOf(i.id()).orElseThrow(() -> new AssertionError("no process for " + i.id())))
                .collect(Collectors.toSet());
    }

    @Test
    void resizeUpAndDownConvergesTheProcessCountAndDestroyStopsThem() {
        fx.deploy("hello-v001", 1, List.of(), SampleApp.command("v1"));
        fx.awaitAll("hello-v001", 1, HealthState.UP);
        Set<Long> first = pids("hello-v001");

        ServerGroup up = fx.provider.resize("local", "hello-v001", new Capacity(1, 3, 5));

        assertThat(up.capacity()).isEqualTo(new Capacity(1, 3, 5));
        assertThat(up.instances()).hasSize(3);
        fx.awaitAll("hello-v001", 3, HealthState.UP);
        Set<Long> three = pids("hello-v001");
        assertThat(three).hasSize(3).containsAll(first);

        ServerGroup down = fx.provider.resize("local", "hello-v001", new Capacity(1, 1, 5));

        // The oldest instance stays; the two newest were stopped.
        assertThat(down.instances()).extracting(Instance::id).containsExactly("hello-v001-1");
        Set<Long> removed = new HashSet<>(three);
        removed.removeAll(first);
        assertThat(removed).hasSize(2).allSatisfy(pid -> assertThat(Processes.alive(pid)).isFalse());
        assertThat(first).allSatisfy(pid -> assertThat(Processes.alive(pid)).isTrue());

        fx.provider.destroy("local", "hello-v001");

        assertThat(first).allSatisfy(pid -> assertThat(Processes.alive(pid)).isFalse());
        assertThat(fx.provider.serverGroup("local", "hello-v001")).isEmpty();
        assertThat(fx.provider.serverGroups("hello")).isEmpty();
        // Destroying what is gone is a no-op; changing it is NOT_FOUND.
        fx.provider.destroy("local", "hello-v001");
        assertThatThrownBy(() -> fx.provider.resize("local", "hello-v001", Capacity.fixed(1)))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.NOT_FOUND);
                    assertThat(e.field()).isEqualTo("name");
                });
    }

    @Test
    void resizeToZeroStopsEverythingAndTheLoadBalancerAnswers503() {
        LoadBalancer lb = fx.loadBalancer("hello");
        fx.deploy("hello-v001", 2, List.of("hello"), SampleApp.command("v1"));
        fx.awaitAll("hello-v001", 2, HealthState.UP);
        Set<Long> pids = pids("hello-v001");

        fx.provider.resize("local", "hello-v001", Capacity.ZERO);

        assertThat(fx.group("hello-v001").instances()).isEmpty();
        assertThat(pids).allSatisfy(pid -> assertThat(Processes.alive(pid)).isFalse());
        assertThat(fx.http.get(lb.address(), "/").status()).isEqualTo(503);
    }

    @Test
    void aKilledInstanceIsReplaced() {
        LoadBalancer lb = fx.loadBalancer("hello");
        fx.deploy("hello-v001", 2, List.of("hello"), SampleApp.command("v1"));
        fx.awaitAll("hello-v001", 2, HealthState.UP);
        long victim = Processes.pidOf("hello-v001-1").orElseThrow();

        ProcessHandle.of(victim).orElseThrow().destroyForcibly();

        await().until(() -> fx.group("hello-v001").instances().stream().map(Instance::id).toList(),
                ids -> ids.size() == 2 && !ids.contains("hello-v001-1"));
        fx.awaitAll("hello-v001", 2, HealthState.UP);
        assertThat(fx.group("hello-v001").instances()).extracting(Instance::id)
                .containsExactlyInAnyOrder("hello-v001-2", "hello-v001-3");
        assertThat(Processes.alive(victim)).isFalse();
        assertThat(pids("hello-v001")).hasSize(2);
        assertThat(fx.http.get(lb.address(), "/").status()).isEqualTo(200);
    }

    @Test
    void closeLeavesNoProcessAndNoListenerBehind() {
        LoadBalancer lb = fx.loadBalancer("hello");
        fx.deploy("hello-v001", 2, List.of("hello"), SampleApp.command("v1"));
        fx.deploy("hello-v002", 1, List.of("hello"), SampleApp.command("v2", "--never-healthy"));
        fx.awaitAll("hello-v001", 2, HealthState.UP);
        Set<Long> pids = new HashSet<>(pids("hello-v001"));
        pids.addAll(pids("hello-v002"));
        assertThat(pids).hasSize(3);

        fx.provider.close();

        assertThat(pids).allSatisfy(pid -> assertThat(Processes.alive(pid)).isFalse());
        assertThat(Processes.sampleApps()).doesNotContainAnyElementsOf(pids);
        assertThat(fx.http.get(lb.address(), "/").status()).isEqualTo(-1);
        fx.provider.close();
        assertThatThrownBy(() -> fx.deploy("hello-v003", 1, List.of(), SampleApp.command("v3")))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE));
        assertThat(Processes.sampleApps()).isEmpty();
    }
}
