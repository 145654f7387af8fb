package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.model.Capacity;
import java.util.LinkedHashMap;
import java.util.Map;

/** Capacity as the plain map the persisted context holds, and back. */
public final class CapacityMaps {
    private CapacityMaps() {
    }

    public static Map<String, Object> toMap(Capacity c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("min", c.min());
        m.put("desired", c.desired());
        m.put("max", c.max());
        return m;
    }

    @SuppressWarnings("unchecked")
    public static Capacity fromMap(Object o) {
        Map<String, Object> m = (Map<String, Object>) o;
        return new Capacity(((Number) m.get("min")).intValue(), ((Number) m.get("desired")).intValue(),
                ((Number) m.get("max")).intValue());
    }
}
