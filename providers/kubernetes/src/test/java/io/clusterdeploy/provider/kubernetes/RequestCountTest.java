package io.clusterdeploy.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import io.clusterdeploy.provider.kubernetes.sim.FaultProxy;
import io.clusterdeploy.provider.kubernetes.sim.SampleApp;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API requests each operation makes, counted at the fault proxy (faults off), against the minimal sequence:
 * reads cost none (the informer caches answer them), and each write operation makes exactly the writes it must, plus
 * one fresh read and one more write for each 409 a concurrent writer (here the kubelet reporting status) caused.
 * The table this prints is the one in docs/performance.md.
 */
class RequestCountTest {
    private KubernetesFixture fx;
    private final List<String> table = new ArrayList<>();

    @BeforeEach
    void start() {
        fx = new KubernetesFixture(Duration.ofSeconds(1), 0);
        // The informers' first lists are the start's, not an operation's.
        fx.provider.applications();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> fx.cluster.proxy().log().stream()
                .filter(e -> !e.watch()).count() >= 5);
    }

    @AfterEach
    void stop() {
        fx.close();
        System.out.println("REQUESTS\n" + String.join("\n", table));
    }

    private interface Op {
        void run() throws Exception;
    }

    /**
     * Runs {@code op} and checks its requests: {@code minimalWrites} writes (by method) and, beyond them, exactly one
     * GET and one repeated write per 409.
     */
    private void measure(String name, String minimal, List<String> minimalWrites, Op op) throws Exception {
        fx.cluster.proxy().clearLog();
        op.run();
        List<FaultProxy.Entry> log = fx.cluster.proxy().log().stream().filter(e -> !e.watch()).toList();
        long conflicts = log.stream().filter(e -> e.status() == 409).count();
        List<String> writes = log.stream().filter(FaultProxy.Entry::write).map(FaultProxy.Entry::method).toList();
        long gets = log.stream().filter(e -> !e.write()).count();
        table.add(String.format("| %s | %s | %d | %d | %d |", name, minimal, log.size(), writes.size(), conflicts));
        assertThat(gets).as("%s: reads beyond one per conflict: %s", name, log).isEqualTo(conflicts);
        assertThat(writes.size() - conflicts).as("%s: writes: %s", name, log).isEqualTo(minimalWrites.size());
        assertThat(writes).as("%s", name).containsAll(minimalWrites);
    }

    private ServerGroup group(String name) {
        return fx.provider.serverGroup("prod", name).orElseThrow();
    }

    private void awaitUp(String name, int n) {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> group(name).instances().stream().filter(i -> i.health() == HealthState.UP).count() == n);
    }

    @Test
    void eachOperationMakesTheMinimalRequests() throws Exception {
        measure("upsertLoadBalancer (new Service)", "POST service", List.of("POST"), () ->
                fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("hello-prod", "prod",
                        Map.of("port", 80, "targetPort", "http"))));
        measure("upsertLoadBalancer (unchanged)", "none", List.of(), () ->
                fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("hello-prod", "prod",
                        Map.of("port", 80, "targetPort", "http"))));
        measure("createServerGroup (2 pods)", "POST replicaset", List.of("POST"), () ->
                fx.provider.createServerGroup(new CreateServerGroupRequest("hello-prod-v000", "prod", Capacity.fixed(2),
                        List.of("hello-prod"), List.of(), Map.of("podTemplate", SampleApp.podTemplate("v1", true)),
                        Map.of(ServerGroup.TAG_OPERATION, "op-1"))));
        measure("reads while it comes up (serverGroup, serverGroups, loadBalancers, applications)", "none", List.of(),
                () -> {
                    awaitUp("hello-prod-v000", 2);
                    fx.provider.serverGroups("hello");
                    fx.provider.loadBalancers("hello");
                    fx.provider.securityGroups("hello");
                    fx.provider.applications();
                });
        measure("disable (100%, 2 pods)", "PUT replicaset template, PUT each pod", List.of("PUT", "PUT", "PUT"),
                () -> fx.provider.disable("prod", "hello-prod-v000", 100));
        measure("enable (2 pods)", "PUT replicaset template, PUT each pod", List.of("PUT", "PUT", "PUT"),
                () -> fx.provider.enable("prod", "hello-prod-v000"));
        measure("resize 2 → 4", "PUT replicaset (replicas, min/max)", List.of("PUT"),
                () -> fx.provider.resize("prod", "hello-prod-v000", Capacity.fixed(4)));
        awaitUp("hello-prod-v000", 4);
        measure("disable 50% (of 4 pods)", "PUT 2 pods", List.of("PUT", "PUT"),
                () -> fx.provider.disable("prod", "hello-prod-v000", 50));
        measure("destroy (2 of 4 pods still in traffic)", "PUT template, PUT 2 pods, DELETE replicaset",
                List.of("PUT", "PUT", "PUT", "DELETE"), () -> fx.provider.destroy("prod", "hello-prod-v000"));
        measure("destroy (gone)", "none", List.of(), () -> fx.provider.destroy("prod", "hello-prod-v000"));
    }
}
