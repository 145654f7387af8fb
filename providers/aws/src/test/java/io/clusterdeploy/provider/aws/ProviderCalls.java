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

    /** An engine deploy request for the sample app in cluster hello-prod, with rollback on failure. */
    static Map<String, Object> deploy(AwsFixture fx, String strategy, String version, boolean healthy,
                                      Map<String, Object> extra) {
        Map<String, Object> r = new java.util.HashMap<>();
        r.put("type", "deploy");
        r.put("account", AwsFixture.ACCOUNT);
        r.put("location", Moto.REGION);
        r.put("application", "hello");
        r.put("stack", "prod");
        r.put("strategy", strategy);
        r.put("capacity", Map.of("min", 2, "desired", 2, "max", 2));
        r.put("loadBalancers", List.of(LB));
        r.put("spec", fx.spec(version, healthy));
        r.put("deployTimeoutSec", healthy ? 120 : 5);
        r.put("rollback", Map.of("onFailure", true));
        r.putAll(extra);
        return r;
    }

    /** The processes named in the SuspendProcesses / ResumeProcesses call. */
    static List<String> processes(MotoProxy.Call call) {
        return MotoProxy.list(call.params(), "ScalingProcesses");
    }

    static List<MotoProxy.Call> mutations(AwsFixture fx) {
        return fx.proxy.calls().stream().filter(MotoProxy.Call::mutating).toList();
    }
}
