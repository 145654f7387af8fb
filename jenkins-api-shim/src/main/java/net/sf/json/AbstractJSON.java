package net.sf.json;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Map;

/**
 * Shim of the package-private {@code net.sf.json.AbstractJSON} (json-lib 2.4-jenkins-15). Its event and writer
 * helpers are replaced by two package-private helpers of the shim: value conversion and JSON text output.
 */
abstract class AbstractJSON implements JSON {
    private static final long serialVersionUID = 1L;

    /** Maps become {@link JSONObject}s, collections and arrays become {@link JSONArray}s; other values stay. */
    static Object toJsonValue(Object value) {
        if (value instanceof JSON) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            return JSONObject.fromObject(map);
        }
        if (value instanceof Collection<?> || (value != null && value.getClass().isArray())) {
            return JSONArray.fromObject(value);
        }
        return value;
    }

    static Object[] arrayElements(Object array) {
        Object[] out = new Object[Array.getLength(array)];
        for (int i = 0; i < out.length; i++) {
            out[i] = Array.get(array, i);
        }
        return out;
    }

    static void write(StringBuilder out, Object value) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof JSON || value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else {
            quote(out, value.toString());
        }
    }

    static void quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
