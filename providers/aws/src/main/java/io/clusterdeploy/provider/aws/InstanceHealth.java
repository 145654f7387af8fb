package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.model.HealthState;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.autoscaling.model.Instance;

/**
 * An instance's health from what Auto Scaling and its target groups say: up only when it is in service, healthy
 * for Auto Scaling, and every target group of its group reports it {@code healthy}.
 */
final class InstanceHealth {
    private InstanceHealth() {
    }

    static HealthState of(Instance instance, List<String> targetGroupArns, Map<String, Map<String, String>> states) {
        String lifecycle = instance.lifecycleStateAsString() == null ? "" : instance.lifecycleStateAsString();
        if (lifecycle.startsWith("Pending")) {
            return HealthState.STARTING;
        }
        if (lifecycle.startsWith("Terminat") || lifecycle.startsWith("Detach")) {
            return HealthState.DOWN;
        }
        if (!lifecycle.equals("InService")) {
            return HealthState.OUT_OF_SERVICE; // standby, warmed pools
        }
        if ("Unhealthy".equalsIgnoreCase(instance.healthStatus())) {
            return HealthState.DOWN;
        }
        if (targetGroupArns.isEmpty()) {
            return HealthState.UP;
        }
        boolean allHealthy = true;
        boolean out = false;
        boolean unknown = false;
        for (String arn : targetGroupArns) {
            String state = states.getOrDefault(arn, Map.of()).get(instance.instanceId());
            if (state == null || state.equals("draining") || state.equals("unused")) {
                out = true;
                allHealthy = false;
            } else if (state.equals("unhealthy")) {
                return HealthState.DOWN;
            } else if (state.equals("unavailable")) {
                unknown = true;
                allHealthy = false;
            } else if (!state.equals("healthy")) {
                allHealthy = false; // initial
            }
        }
        if (allHealthy) {
            return HealthState.UP;
        }
        return out ? HealthState.OUT_OF_SERVICE : unknown ? HealthState.UNKNOWN : HealthState.STARTING;
    }
}
