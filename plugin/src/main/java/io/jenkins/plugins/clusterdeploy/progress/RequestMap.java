package io.jenkins.plugins.clusterdeploy.progress;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds an engine request from step parameters: unset (null) parameters are left out so that the engine applies
 * its defaults, and every value is turned into plain, serialisable JSON-like data (Groovy strings become strings,
 * maps get string keys). A value of any other type is refused, naming the parameter.
 */
public final class RequestMap {
    private final Map<String, Object> map = new LinkedHashMap<>();

    /** Adds {@code key} unless {@code value} is null. */
    public RequestMap put(String key, Object value) {
        if (value != null) {
            map.put(key, plain(key, value));
        }
        return this;
    }

    /** Adds a nested object unless it is null or has no values. */
    public RequestMap putObject(String key, RequestMap nested) {
        if (nested != null && !nested.map.isEmpty()) {
            map.put(key, nested.build());
        }
        return this;
    }

    public Map<String, Object> build() {
        return new LinkedHashMap<>(map);
    }

    /** Whole numbers become ints (longs when too large), as JSON would give them to the engine; others doubles. */
    private static Object number(Number n) {
        if (n instanceof Double || n instanceof Float || n instanceof BigDecimal) {
            if (Double.isNaN(n.doubleValue()) || Double.isInfinite(n.doubleValue())) {
                return n.doubleValue();
            }
            BigDecimal exact = n instanceof BigDecimal b ? b : BigDecimal.valueOf(n.doubleValue());
            if (exact.signum() != 0 && exact.stripTrailingZeros().scale() > 0) {
                return exact.doubleValue();
            }
            n = exact.toBigInteger();
        }
        if (n instanceof BigInteger big && big.bitLength() >= Long.SIZE) {
            return big.doubleValue();
        }
        long l = n.longValue();
        return l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE ? (Object) (int) l : (Object) l;
    }

    /** {@code value} as plain data: strings, numbers, booleans, lists and string-keyed maps of those. */
    public static Object plain(String field, Object value) {
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number n) {
            return number(n);
        }
        if (value instanceof CharSequence cs) {
            return cs.toString();
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String key = String.valueOf(e.getKey());
                out.put(key, plain(field + "." + key, e.getValue()));
            }
            return out;
        }
        if (value instanceof Iterable<?> it) {
            List<Object> out = new ArrayList<>();
            int i = 0;
            for (Object o : it) {
                out.add(plain(field + "[" + i++ + "]", o));
            }
            return out;
        }
        if (value instanceof Object[] array) {
            return plain(field, List.of(array));
        }
        throw ClusterDeployException.invalid(field, field + " must be a string, number, boolean, list or map, not a "
                + value.getClass().getSimpleName());
    }
}
