package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A separate JVM that runs a local provider the way Cluster Deploy's server does, for a test to kill
 * with SIGKILL: a load balancer "hello" on the given port and a group "hello-v001" of two sample-app
 * instances. Prints {@value #READY} once every instance is UP, then waits to be killed.
 *
 * <p>Arguments: state directory, load balancer port.
 */
public final class ProviderHost {
    static final String READY = "READY";

    private ProviderHost() {
    }

    public static void main(String[] args) throws InterruptedException {
        LocalProvider provider = (LocalProvider) new LocalProviderFactory().create(ProviderFixture.ACCOUNT,
                Map.of("stateDir", Path.of(args[0]).toString(), "healthCheckIntervalMillis", 100), SecretResolver.NONE);
        provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("hello", "local", Map.of("port", Integer.parseInt(args[1]))));
        provider.createServerGroup(ProviderFixture.request("hello-v001", 2, List.of("hello"),
                Map.of("command", SampleApp.command("v1"))));
        // Not a test: the test that started this JVM bounds the wait for READY.
        while (!provider.serverGroup("local", "hello-v001").orElseThrow().instances().stream()
                .map(Instance::health).allMatch(HealthState.UP::equals)) {
            Thread.sleep(50);
        }
        System.out.println(READY);
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
