package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.ContextKeys;
import io.clusterdeploy.engine.operation.OperationContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys a deploy keeps in its persisted context, and typed access to them. The context holds
 * only plain maps, lists and strings, since it is written as JSON after every step.
 */
final class DeployContext {
    static final String NEW_SERVER_GROUP = ContextKeys.NEW_SERVER_GROUP;
    static final String CAPACITY = "capacity";
    static final String PREVIOUS = ContextKeys.PREVIOUS;
    static final String DISABLED = ContextKeys.DISABLED;
    static final String DESTROYED = ContextKeys.DESTROYED;
    /** True when the deploy reused the cluster's newest group instead of creating one (it ran this already). */
    static final String REUSED = "reusedServerGroup";
    /** Rolling red/black: the group whose traffic moves to the new one, step by step. */
    static final String SOURCE = "sourceServerGroup";

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
            m.put("capacity", capacity.toMap());
            return m;
        }

        static Snapshot fromMap(Object o) {
            Map<?, ?> m = (Map<?, ?>) o;
            return new Snapshot((String) m.get("name"), Boolean.TRUE.equals(m.get("enabled")),
                    Capacity.fromMap(m.get("capacity")));
        }
    }

    static List<Snapshot> previous(OperationContext ctx) {
        return ctx.getList(PREVIOUS).stream().map(Snapshot::fromMap).toList();
    }

    static String newServerGroup(OperationContext ctx) {
        return ctx.getString(NEW_SERVER_GROUP);
    }

    /** The deploy's group existed before it: no rollback may take it away. */
    static boolean reused(OperationContext ctx) {
        return Boolean.TRUE.equals(ctx.get(REUSED));
    }
}
