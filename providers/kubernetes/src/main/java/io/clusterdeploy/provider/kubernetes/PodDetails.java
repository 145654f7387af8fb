package io.clusterdeploy.provider.kubernetes;

import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.provider.InstanceDetails;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pod as the instance panel shows it: its Ready condition and each container's readiness as the checks, and where
 * it runs (namespace, node, IPs, phase, restarts) as the facts. Nothing from its spec's environment or command.
 */
final class PodDetails {
    private PodDetails() {
    }

    static InstanceDetails of(Pod pod) {
        List<InstanceDetails.HealthCheck> checks = new ArrayList<>();
        var status = pod.getStatus();
        PodCondition ready = status == null || status.getConditions() == null ? null : status.getConditions().stream()
                .filter(c -> "Ready".equals(c.getType())).findFirst().orElse(null);
        checks.add(new InstanceDetails.HealthCheck("readiness", "pod condition Ready",
                ready == null ? HealthState.UNKNOWN : "True".equals(ready.getStatus()) ? HealthState.UP : HealthState.DOWN,
                ready == null ? "not reported yet" : detail(ready),
                ready == null ? null : ModelMapper.created(ready.getLastTransitionTime())));
        int restarts = 0;
        if (status != null && status.getContainerStatuses() != null) {
            for (ContainerStatus c : status.getContainerStatuses()) {
                restarts += c.getRestartCount() == null ? 0 : c.getRestartCount();
                String waiting = c.getState() != null && c.getState().getWaiting() != null
                        ? c.getState().getWaiting().getReason() : null;
                checks.add(new InstanceDetails.HealthCheck("container", "container " + c.getName() + " ready",
                        Boolean.TRUE.equals(c.getReady()) ? HealthState.UP : HealthState.DOWN,
                        waiting != null ? "waiting: " + waiting : Boolean.TRUE.equals(c.getReady()) ? "ready" : "not ready",
                        null));
            }
        }
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("namespace", pod.getMetadata().getNamespace());
        facts.put("pod", pod.getMetadata().getName());
        facts.put("node", pod.getSpec() == null || pod.getSpec().getNodeName() == null ? "not scheduled"
                : pod.getSpec().getNodeName());
        facts.put("pod IP", status == null || status.getPodIP() == null ? "none yet" : status.getPodIP());
        facts.put("host IP", status == null || status.getHostIP() == null ? "none yet" : status.getHostIP());
        facts.put("phase", status == null || status.getPhase() == null ? "unknown" : status.getPhase());
        facts.put("restarts", Integer.toString(restarts));
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            facts.put("terminating since", pod.getMetadata().getDeletionTimestamp());
        }
        return new InstanceDetails(checks, facts);
    }

    private static String detail(PodCondition c) {
        String why = c.getReason() == null ? "" : c.getReason();
        String message = c.getMessage() == null ? "" : c.getMessage();
        String both = (why + (why.isEmpty() || message.isEmpty() ? "" : ": ") + message).strip();
        return both.isEmpty() ? ("True".equals(c.getStatus()) ? "ready" : "not ready") : both;
    }
}
