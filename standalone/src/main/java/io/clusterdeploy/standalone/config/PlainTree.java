package io.clusterdeploy.standalone.config;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Copies a parsed YAML document into a tree of plain values (string-keyed maps, lists, strings,
 * numbers, booleans, nulls), refusing anything else with the path of the offending value.
 * Copying also expands the (few, limited) aliases, so nothing downstream sees shared or cyclic
 * structures.
 */
final class PlainTree {
    private PlainTree() {
    }

    static Object copy(String source, Object value) {
        return copy(source, "", value, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Object copy(String source, String path, Object value, Set<Object> ancestors) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof BigInteger || value instanceof Double) {
            return value;
        }
        if (!(value instanceof Map<?, ?>) && !(value instanceof List<?>)) {
            throw refused(source, path, "only maps, lists, text, numbers, true/false and null are allowed, found "
                    + describe(value));
        }
        if (!ancestors.add(value)) {
            throw refused(source, path, "a value may not contain itself (recursive alias)");
        }
        try {
            if (value instanceof Map<?, ?> map) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    if (!(e.getKey() instanceof String key)) {
                        throw refused(source, path, "keys must be text, found " + describe(e.getKey())
                                + " key '" + e.getKey() + "' (quote it)");
                    }
                    out.put(key, copy(source, path.isEmpty() ? key : path + "." + key, e.getValue(), ancestors));
                }
                return out;
            }
            List<?> list = (List<?>) value;
            List<Object> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                out.add(copy(source, path + "[" + i + "]", list.get(i), ancestors));
            }
            return out;
        } finally {
            ancestors.remove(value);
        }
    }

    private static String describe(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof byte[]) {
            return "binary data (!!binary)";
        }
        if (value instanceof Set<?>) {
            return "a set (!!set)";
        }
        return value.getClass().getSimpleName();
    }

    private static ClusterDeployException refused(String source, String path, String message) {
        String field = path.isEmpty() ? "config" : path;
        return ClusterDeployException.invalid(field, source + ": " + field + ": " + message);
    }
}
