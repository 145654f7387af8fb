package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.StepContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys a deploy keeps in its persisted context, and typed access to them. The context holds
 * only plain maps, lists and strings, since it is written as JSON after every step.
 */
final class DeployContext {
    static final String NEW_SERVER_GROUP = "newServerGroup";
    static final String CAPACITY = "capacity";
    static final String PREVIOUS = "previousServerGroups";
    static final String DISABLED = "disabledServerGroups";
    static final String SCALED_DOWN = "scaledDownServerGroups";
    static final String DESTROYED = "destroyedServerGroups";

    private DeployContext() {
    }

    /** How a group looked before the deploy touched anything: what rollback restores. */
    record Snapshot(String name, boolean enabled, Capacity capacity) {
        static Snapshot of(ServerGroup sg) {
            return new Snapshot(sg.name(), sg.enabled(), sg.capacity());
        }

        Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("enabled", enabled);
            m.put("capacity", capacityMap(capacity));
            return m;
        }

        @SuppressWarnings("unchecked")
        static Snapshot fromMap(Object o) {
            Map<String, Object> m = (Map<String, Object>) o;
            return new Snapshot((String) m.get("name"), Boolean.TRUE.equals(m.get("enabled")),
                    capacityFrom(m.get("capacity")));
        }
    }

    static Map<String, Object> capacityMap(Capacity c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", c.min());
        m.put("desired", c.desired());
        m.put("max", c.max());
        return m;
    }

    @SuppressWarnings("unchecked")
    static Capacity capacityFrom(Object o) {
        Map<String, Object> m = (Map<String, Object>) o;
        return new Capacity(((Number) m.get("min")).intValue(), ((Number) m.get("desired")).intValue(),
                ((Number) m.get("max")).intValue());
    }

    static List<Snapshot> previous(StepContext ctx) {
        return ctx.getList(PREVIOUS).stream().map(Snapshot::fromMap).toList();
    }

    static List<String> names(StepContext ctx, String key) {
        return ctx.getList(key).stream().map(String::valueOf).toList();
    }

    /** Appends a name to a list in the context and persists it, so a crash cannot lose the record. */
    static void record(StepContext ctx, String key, String name) {
        List<Object> list = new ArrayList<>(ctx.getList(key));
        if (!list.contains(name)) {
            list.add(name);
        }
        ctx.put(key, list);
        ctx.checkpoint();
    }
}
