package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/** Provider calls the focused tests share: a load balancer, a group of the sample app, and waiting for it. */
final class ProviderCalls {
    static final String LB = "hello-prod";

    private ProviderCalls() {
    }

    static void loadBalancer(AwsFixture fx, int deregistrationDelaySeconds) {
        Map<String, Object> spec = new java.util.HashMap<>(fx.loadBalancerSpec());
        spec.put("deregistrationDelaySeconds", deregistrationDelaySeconds);
        fx.provider.upsertLoadBalancer(new UpsertLoadBalancerRequest(LB, Moto.REGION, spec));
    }

    static CreateServerGroupRequest request(AwsFixture fx, String name, Capacity capacity, Map<String, Object> spec) {
        return new CreateServerGroupRequest(name, Moto.REGION, capacity, List.of(LB), List.of(), spec, Map.of());
    }

    static ServerGroup deployAndAwaitUp(AwsFixture fx, String name, int instances) {
        fx.provider.createServerGroup(request(fx, name, Capacity.fixed(instances), fx.spec("v1", true)));
        return awaitUp(fx, name, instances);
    }

    static ServerGroup awaitUp(AwsFixture fx, String name, int instances) {
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> fx.provider.serverGroup(Moto.REGION, name).map(ServerGroup::upCount).orElse(0L) == instances);
        return fx.provider.serverGroup(Moto.REGION, name).orElseThrow();
    }

    /** The processes named in the SuspendProcesses / ResumeProcesses call. */
    static List<String> processes(MotoProxy.Call call) {
        return MotoProxy.list(call.params(), "ScalingProcesses");
    }

    static List<MotoProxy.Call> mutations(AwsFixture fx) {
        return fx.proxy.calls().stream().filter(MotoProxy.Call::mutating).toList();
    }
}
