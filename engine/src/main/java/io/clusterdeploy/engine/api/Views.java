package io.clusterdeploy.engine.api;

import io.clusterdeploy.engine.model.Account;
import io.clusterdeploy.engine.model.Cluster;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationState;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the API, built explicitly so that what clients see is a stable contract
 * and not whatever the model records happen to expose.
 */
final class Views {
    private Views() {
    }

    static Map<String, Object> account(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("provider", a.provider());
        m.put("locations", a.locations());
        return m;
    }

    static Map<String, Object> cluster(Cluster c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("account", c.account());
        m.put("location", c.location());
        m.put("serverGroups", c.serverGroups().stream().map(Views::serverGroup).toList());
        return m;
    }

    static Map<String, Object> serverGroup(ServerGroup sg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", sg.name());
        m.put("cluster", sg.cluster());
        m.put("account", sg.account());
        m.put("location", sg.location());
        m.put("sequence", sg.moniker().sequence());
        m.put("enabled", sg.enabled());
        m.put("capacity", Map.of("min", sg.capacity().min(), "desired", sg.capacity().desired(),
                "max", sg.capacity().max()));
        m.put("instanceCounts", counts(sg.instances()));
        m.put("instances", sg.instances().stream().map(Views::instance).toList());
        m.put("createdTime", sg.createdTime() == null ? null : sg.createdTime().toString());
        m.put("artifact", sg.artifact());
        m.put("loadBalancers", sg.loadBalancers());
        m.put("securityGroups", sg.securityGroups());
        m.put("tags", sg.tags());
        return m;
    }

    private static Map<String, Object> counts(List<Instance> instances) {
        Map<HealthState, Integer> byState = new EnumMap<>(HealthState.class);
        for (HealthState h : HealthState.values()) {
            byState.put(h, 0);
        }
        instances.forEach(i -> byState.merge(i.health(), 1, Integer::sum));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", instances.size());
        m.put("up", byState.get(HealthState.UP));
        m.put("down", byState.get(HealthState.DOWN));
        m.put("starting", byState.get(HealthState.STARTING));
        m.put("outOfService", byState.get(HealthState.OUT_OF_SERVICE));
        m.put("unknown", byState.get(HealthState.UNKNOWN));
        return m;
    }

    static Map<String, Object> instance(Instance i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("health", i.health().name());
        m.put("address", i.address());
        m.put("launched", i.launched() == null ? null : i.launched().toString());
        return m;
    }

    static Map<String, Object> loadBalancer(LoadBalancer lb) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", lb.name());
        m.put("account", lb.account());
        m.put("location", lb.location());
        m.put("address", lb.address());
        m.put("serverGroups", lb.serverGroups());
        m.put("settings", lb.settings());
        return m;
    }

    static Map<String, Object> operation(OperationState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("type", s.type());
        m.put("status", s.status().name());
        m.put("phase", s.phase());
        m.put("cancelRequested", s.cancelRequested());
        m.put("createdAt", s.createdAt().toString());
        m.put("updatedAt", s.updatedAt().toString());
        m.put("request", Redaction.redact(s.request()));
        m.put("steps", s.steps().stream().map(st -> {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", st.name());
            sm.put("phase", st.phase());
            sm.put("status", st.status());
            sm.put("startedAt", st.startedAt() == null ? null : st.startedAt().toString());
            sm.put("endedAt", st.endedAt() == null ? null : st.endedAt().toString());
            sm.put("message", st.message());
            return sm;
        }).toList());
        m.put("context", s.context());
        if (s.error() != null) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("kind", s.error().kind());
            e.put("field", s.error().field());
            e.put("message", s.error().message());
            m.put("error", e);
        } else {
            m.put("error", null);
        }
        return m;
    }
}
