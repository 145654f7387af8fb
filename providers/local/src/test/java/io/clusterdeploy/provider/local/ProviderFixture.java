package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/** A local provider for one test, with helpers to deploy the sample app and wait for states. */
final class ProviderFixture implements AutoCloseable {
    static final String ACCOUNT = "test";

    final LocalProvider provider;
    final Http http = new Http();

    ProviderFixture(Path stateDir) {
        provider = (LocalProvider) new LocalProviderFactory().create(ACCOUNT,
                Map.of("stateDir", stateDir.toString(), "healthCheckIntervalMillis", 100), SecretResolver.NONE);
    }

    static ConditionFactory await() {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50));
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LoadBalancer loadBalancer(String name) {
        return provider.upsertLoadBalancer(new UpsertLoadBalancerRequest(name, "local", Map.of("port", freePort())));
    }

    ServerGroup deploy(String name, int instances, List<String> loadBalancers, List<String> command) {
        return provider.createServerGroup(request(name, instances, loadBalancers, Map.of("command", command)));
    }

    static CreateServerGroupRequest request(String name, int instances, List<String> loadBalancers, Map<String, Object> spec) {
        return new CreateServerGroupRequest(name, "local", Capacity.fixed(instances), loadBalancers, List.of(), spec, Map.of());
    }

    ServerGroup group(String name) {
        return provider.serverGroup("local", name).orElseThrow();
    }

    List<HealthState> states(String name) {
        return group(name).instances().stream().map(Instance::health).toList();
    }

    /** Waits until the group has exactly {@code count} instances, all in {@code state}. */
    void awaitAll(String name, int count, HealthState state) {
        await().until(() -> {
            List<HealthState> states = states(name);
            return states.size() == count && states.stream().allMatch(s -> s == state);
        });
    }

    @Override
    public void close() {
        provider.close();
    }
}
