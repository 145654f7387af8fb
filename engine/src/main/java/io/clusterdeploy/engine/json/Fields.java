package io.clusterdeploy.engine.json;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Capacity;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a plain map (from JSON or safe YAML) field by field, with errors that name the field by
 * its full dotted path, and rejects keys nobody read: a misspelt option must not be silently
 * ignored on a deploy.
 */
public final class Fields {
    private final String prefix;
    private final Map<String, Object> map;
    private final Set<String> read = new LinkedHashSet<>();

    public Fields(String prefix, Map<String, Object> map) {
        this.prefix = prefix == null ? "" : prefix;
        this.map = map == null ? Map.of() : map;
    }

    public static Fields of(Map<String, Object> map) {
        return new Fields("", map);
    }

    public String path(String key) {
        return prefix.isEmpty() ? key : prefix + "." + key;
    }

    public boolean has(String key) {
        read.add(key);
        return map.get(key) != null;
    }

    public String requiredString(String key) {
        String v = optionalString(key, null);
        if (v == null || v.isBlank()) {
            throw ClusterDeployException.invalid(path(key), path(key) + " is required");
        }
        return v;
    }

    /** A JSON string, or {@code fallback} when absent; a number or boolean is not a string. */
    public String optionalString(String key, String fallback) {
        read.add(key);
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof CharSequence s) {
            // A Groovy map from a Pipeline script carries interpolated strings as GStrings.
            return s.toString();
        }
        throw ClusterDeployException.invalid(path(key), path(key) + " must be a string, was " + sent(v));
    }

    public int optionalInt(String key, int fallback, int min, int max) {
        read.add(key);
        Object v = map.get(key);
        return v == null ? fallback : wholeNumber(path(key), v, min, max);
    }

    /**
     * A whole number from {@code min} to {@code max}: a JSON number whose exact value is whole (so 2^64 is
     * too big rather than 0, and 2.5 is refused rather than rounded), never a string or a boolean. The
     * message quotes the value as sent.
     */
    public static int wholeNumber(String field, Object v, int min, int max) {
        long n = exactLong(field, v);
        if (n < min || n > max) {
            throw ClusterDeployException.invalid(field,
                    field + " must be between " + min + " and " + max + ", was " + sent(v));
        }
        return (int) n;
    }

    private static long exactLong(String field, Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        BigDecimal exact;
        if (v instanceof BigInteger b) {
            exact = new BigDecimal(b);
        } else if (v instanceof BigDecimal d) {
            exact = d;
        } else if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
            exact = new BigDecimal(v.toString());
        } else {
            throw ClusterDeployException.invalid(field, field + " must be a whole number, was " + sent(v));
        }
        if (exact.stripTrailingZeros().scale() > 0) {
            throw ClusterDeployException.invalid(field, field + " must be a whole number, was " + sent(v));
        }
        try {
            return exact.toBigIntegerExact().longValueExact();
        } catch (ArithmeticException e) {
            throw ClusterDeployException.invalid(field, field + " is out of range, was " + sent(v));
        }
    }

    /** A value as the request sent it, for messages: strings quoted, numbers as written. */
    static String sent(Object v) {
        if (v instanceof String s) {
            return "\"" + (s.length() > 80 ? s.substring(0, 80) + "..." : s) + "\"";
        }
        if (v instanceof BigDecimal d) {
            return d.toString();
        }
        if (v instanceof Map<?, ?>) {
            return "an object";
        }
        if (v instanceof List<?>) {
            return "a list";
        }
        return String.valueOf(v);
    }

    public int requiredInt(String key, int min, int max) {
        if (!has(key)) {
            throw ClusterDeployException.invalid(path(key), path(key) + " is required");
        }
        return optionalInt(key, 0, min, max);
    }

    /** A finite number (JSON, YAML, or a Groovy BigDecimal) within [min, max]; a string is not a number. */
    public double optionalDouble(String key, double fallback, double min, double max) {
        read.add(key);
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        double d;
        if (v instanceof Number num) {
            d = num.doubleValue();
        } else {
            throw ClusterDeployException.invalid(path(key), path(key) + " must be a number, was " + sent(v));
        }
        if (!Double.isFinite(d)) {
            throw ClusterDeployException.invalid(path(key), path(key) + " must be a finite number");
        }
        if (d < min || d > max) {
            throw ClusterDeployException.invalid(path(key),
                    path(key) + " must be between " + number(min) + " and " + number(max) + ", was " + number(d));
        }
        return d;
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    /** A list of objects, each read with its own path ({@code metrics[2]}); empty when absent. */
    public List<Fields> objectList(String key) {
        read.add(key);
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw ClusterDeployException.invalid(path(key), path(key) + " must be a list of objects");
        }
        List<Fields> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String itemPath = path(key) + "[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> m)) {
                throw ClusterDeployException.invalid(itemPath, itemPath + " must be an object");
            }
            out.add(new Fields(itemPath, withStringKeys(m)));
        }
        return List.copyOf(out);
    }

    public boolean optionalBoolean(String key, boolean fallback) {
        read.add(key);
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw ClusterDeployException.invalid(path(key), path(key) + " must be true or false, was " + sent(v));
    }

    public List<String> optionalStringList(String key) {
        read.add(key);
        Object v = map.get(key);
        if (v == null) {
            return List.of();
        }
        if (!(v instanceof List<?> list)) {
            throw ClusterDeployException.invalid(path(key), path(key) + " must be a list of strings, was " + sent(v));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof CharSequence s) || s.toString().isBlank()) {
                throw ClusterDeployException.invalid(path(key) + "[" + i + "]",
                        path(key) + "[" + i + "] must be a non-empty string");
            }
            out.add(s.toString());
        }
        return List.copyOf(out);
    }

    /**
     * An ISO-8601 duration such as {@code PT30M}, or {@code fallback} when absent; zero only where
     * {@code zeroAllowed}, never negative.
     */
    public java.time.Duration optionalDuration(String key, java.time.Duration fallback, boolean zeroAllowed) {
        if (!has(key)) {
            return fallback;
        }
        String text = optionalString(key, null);
        java.time.Duration d;
        try {
            d = java.time.Duration.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw ClusterDeployException.invalid(path(key), path(key) + " must be an ISO-8601 duration such as "
                    + "PT1M or PT30M, was '" + text + "'");
        }
        if (d.isNegative() || (d.isZero() && !zeroAllowed)) {
            throw ClusterDeployException.invalid(path(key), path(key) + " must be " + (zeroAllowed ? "zero or " : "")
                    + "positive, was " + text);
        }
        return d;
    }

    /** A nested object, or an empty one when absent. */
    public Fields object(String key) {
        return new Fields(path(key), optionalMap(key));
    }

    public Map<String, Object> optionalMap(String key) {
        read.add(key);
        Object v = map.get(key);
        if (v == null) {
            return Map.of();
        }
        if (!(v instanceof Map<?, ?> m)) {
            throw ClusterDeployException.invalid(path(key), path(key) + " must be an object, was " + sent(v));
        }
        return withStringKeys(m);
    }

    private static Map<String, Object> withStringKeys(Map<?, ?> m) {
        Map<String, Object> copy = new LinkedHashMap<>();
        m.forEach((k, val) -> copy.put(String.valueOf(k), val));
        return copy;
    }

    /** {@code {min, desired, max}}, all required, checked by {@link Capacity}. */
    public Capacity capacity(String key) {
        if (!has(key)) {
            throw ClusterDeployException.invalid(path(key), path(key) + " is required");
        }
        Fields c = object(key);
        int min = c.requiredInt("min", 0, 100_000);
        int desired = c.requiredInt("desired", 0, 100_000);
        int max = c.requiredInt("max", 0, 100_000);
        c.rejectUnknown();
        try {
            return new Capacity(min, desired, max);
        } catch (ClusterDeployException e) {
            throw ClusterDeployException.invalid(prefixed(e.field()), prefixed(e.getMessage()));
        }
    }

    private String prefixed(String capacityText) {
        // Capacity names its fields "capacity.x"; re-root them under this object's path.
        String base = prefix.isEmpty() ? "" : prefix + ".";
        return capacityText.replace("capacity.", base + "capacity.");
    }

    /** Fails on the first key that no accessor asked for. */
    public void rejectUnknown() {
        for (String key : map.keySet()) {
            if (!read.contains(key)) {
                throw ClusterDeployException.invalid(path(key), "unknown field '" + path(key) + "'");
            }
        }
    }

    public Map<String, Object> raw() {
        return map;
    }
}
