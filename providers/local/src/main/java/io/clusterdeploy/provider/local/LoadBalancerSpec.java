package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.json.Fields;
import java.util.Map;

/**
 * A local load balancer's settings: {@code UpsertLoadBalancerRequest.spec} parsed.
 *
 * @param port the fixed loopback port it listens on
 */
public record LoadBalancerSpec(int port) {
    static final String PORT = "port";

    /** Errors name {@code spec.port}; unknown keys are errors. */
    public static LoadBalancerSpec parse(Map<String, Object> spec) {
        Fields fields = new Fields("spec", spec);
        int port = fields.requiredInt(PORT, 1, 65_535);
        fields.rejectUnknown();
        return new LoadBalancerSpec(port);
    }
}
