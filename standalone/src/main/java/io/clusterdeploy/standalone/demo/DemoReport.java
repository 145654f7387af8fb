package io.clusterdeploy.standalone.demo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the demo saw.
 *
 * @param apiUrl          the API root
 * @param loadBalancer    the load balancer the load went through
 * @param requests        requests sent through it
 * @param failedRequests  non-2xx answers and connection errors
 * @param failureReasons  failed requests by reason
 * @param versionsBefore  versions answering before the red/black deploy started
 * @param versionsAfter   versions answering after it completed
 * @param deploy          the red/black operation
 * @param steps           its step timeline
 * @param serverGroups    the cluster at the end
 */
public record DemoReport(
        String apiUrl,
        LoadBalancerInfo loadBalancer,
        long requests,
        long failedRequests,
        Map<String, Long> failureReasons,
        List<String> versionsBefore,
        List<String> versionsAfter,
        DeployInfo deploy,
        List<StepInfo> steps,
        List<ServerGroupInfo> serverGroups) {

    public static final String NEW_VERSION = "v2";

    public DemoReport {
        failureReasons = Map.copyOf(failureReasons);
        versionsBefore = List.copyOf(versionsBefore);
        versionsAfter = List.copyOf(versionsAfter);
        steps = List.copyOf(steps);
        serverGroups = List.copyOf(serverGroups);
    }

    /** @param address host:port clients use */
    public record LoadBalancerInfo(String name, String address) {
    }

    /** @param error the operation's error message, or null */
    public record DeployInfo(String operationId, String status, String error) {
    }

    public record StepInfo(String name, String phase, String status, String startedAt, String endedAt, String message) {
    }

    /** @param instances instance count; @param up instances up */
    public record ServerGroupInfo(String name, boolean enabled, int instances, int up) {
    }

    /** No request failed and only the new version answers. */
    public boolean passed() {
        return failedRequests == 0 && versionsAfter.equals(List.of(NEW_VERSION));
    }

    /** The report as one JSON object's fields, in a stable order. */
    public Map<String, Object> toJsonMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("passed", passed());
        m.put("apiUrl", apiUrl);
        Map<String, Object> lb = new LinkedHashMap<>();
        lb.put("name", loadBalancer.name());
        lb.put("address", loadBalancer.address());
        m.put("loadBalancer", lb);
        m.put("requests", requests);
        m.put("failedRequests", failedRequests);
        m.put("failureReasons", failureReasons);
        m.put("versionsBefore", versionsBefore);
        m.put("versionsAfter", versionsAfter);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("operationId", deploy.operationId());
        d.put("status", deploy.status());
        d.put("error", deploy.error());
        m.put("deploy", d);
        m.put("steps", steps.stream().map(s -> {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", s.name());
            sm.put("phase", s.phase());
            sm.put("status", s.status());
            sm.put("startedAt", s.startedAt());
            sm.put("endedAt", s.endedAt());
            sm.put("message", s.message());
            return sm;
        }).toList());
        m.put("serverGroups", serverGroups.stream().map(g -> {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("name", g.name());
            gm.put("enabled", g.enabled());
            gm.put("instances", g.instances());
            gm.put("up", g.up());
            return gm;
        }).toList());
        return m;
    }
}
