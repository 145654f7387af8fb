package net.sf.json;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Shim of {@code net.sf.json.JSONObject} (json-lib 2.4-jenkins-15): an insertion-ordered map with the real
 * accessor semantics used by the binding ({@code getString} throws when missing, {@code optString} defaults to "",
 * putting null removes the key). Differences: {@link #fromObject(Object)} accepts null, JSONObject and Map only
 * (no JSON text, no beans); {@link #toString()} is compact JSON text written by the shim.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class JSONObject extends AbstractJSON implements JSON, Map<String, Object>, Comparable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final boolean nullObject;

    public JSONObject() {
        this(false);
    }

    public JSONObject(boolean isNull) {
        this.nullObject = isNull;
    }

    public static JSONObject fromObject(Object object) {
        if (object == null) {
            return new JSONObject(true);
        }
        if (object instanceof JSONObject other) {
            JSONObject copy = new JSONObject(other.nullObject);
            copy.properties.putAll(other.properties);
            return copy;
        }
        if (object instanceof Map<?, ?> map) {
            JSONObject result = new JSONObject();
            map.forEach((k, v) -> result.element(String.valueOf(k), v));
            return result;
        }
        throw new UnsupportedOperationException("jenkins-api-shim: JSONObject.fromObject supports null, JSONObject and Map only");
    }

    public boolean isNullObject() {
        return nullObject;
    }

    @Override
    public boolean isArray() {
        return false;
    }

    public JSONObject element(String key, Object value) {
        if (key == null) {
            throw new JSONException("Null key.");
        }
        if (value == null) {
            properties.remove(key);
        } else {
            properties.put(key, toJsonValue(value));
        }
        return this;
    }

    public boolean has(String key) {
        return properties.containsKey(key);
    }

    public Object get(String key) {
        return properties.get(key);
    }

    public String getString(String key) {
        Object o = properties.get(key);
        if (o == null) {
            throw new JSONException("JSONObject[\"" + key + "\"] not found.");
        }
        return o.toString();
    }

    public String optString(String key) {
        return optString(key, "");
    }

    public String optString(String key, String defaultValue) {
        Object o = properties.get(key);
        return o != null ? o.toString() : defaultValue;
    }

    public boolean getBoolean(String key) {
        Object o = properties.get(key);
        if (Boolean.TRUE.equals(o) || (o instanceof String s && s.equalsIgnoreCase("true"))) {
            return true;
        }
        if (Boolean.FALSE.equals(o) || (o instanceof String s && s.equalsIgnoreCase("false"))) {
            return false;
        }
        throw new JSONException("JSONObject[\"" + key + "\"] is not a Boolean.");
    }

    public boolean optBoolean(String key) {
        return optBoolean(key, false);
    }

    public boolean optBoolean(String key, boolean defaultValue) {
        try {
            return getBoolean(key);
        } catch (JSONException e) {
            return defaultValue;
        }
    }

    public JSONObject getJSONObject(String key) {
        Object o = properties.get(key);
        if (o instanceof JSONObject json) {
            return json;
        }
        throw new JSONException("JSONObject[\"" + key + "\"] is not a JSONObject.");
    }

    public JSONObject optJSONObject(String key) {
        return properties.get(key) instanceof JSONObject json ? json : null;
    }

    public JSONArray getJSONArray(String key) {
        Object o = properties.get(key);
        if (o instanceof JSONArray array) {
            return array;
        }
        throw new JSONException("JSONObject[\"" + key + "\"] is not a JSONArray.");
    }

    // Map<String, Object>, with json-lib's raw signatures where it has them

    @Override
    public int size() {
        return properties.size();
    }

    @Override
    public boolean isEmpty() {
        return properties.isEmpty();
    }

    @Override
    public boolean containsKey(Object key) {
        return properties.containsKey(key);
    }

    @Override
    public boolean containsValue(Object value) {
        return properties.containsValue(toJsonValue(value));
    }

    @Override
    public Object get(Object key) {
        return properties.get(key);
    }

    @Override
    public Object put(String key, Object value) {
        Object previous = properties.get(key);
        element(key, value);
        return previous;
    }

    @Override
    public Object remove(Object key) {
        return properties.remove(key);
    }

    @Override
    public void putAll(Map map) {
        ((Map<Object, Object>) map).forEach((k, v) -> element(String.valueOf(k), v));
    }

    @Override
    public void clear() {
        properties.clear();
    }

    @Override
    public Set<String> keySet() {
        return properties.keySet();
    }

    @Override
    public Collection values() {
        return properties.values();
    }

    @Override
    public Set entrySet() {
        return properties.entrySet();
    }

    @Override
    public int compareTo(Object obj) {
        if (obj instanceof JSONObject other) {
            int bySize = Integer.compare(size(), other.size());
            if (bySize != 0) {
                return bySize;
            }
            if (equals(other)) {
                return 0;
            }
        }
        return -1;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof JSONObject other && nullObject == other.nullObject && properties.equals(other.properties);
    }

    @Override
    public int hashCode() {
        return properties.hashCode();
    }

    @Override
    public String toString() {
        if (nullObject) {
            return "null";
        }
        StringBuilder out = new StringBuilder("{");
        boolean first = true;
        for (Map.Entry<String, Object> e : properties.entrySet()) {
            if (!first) {
                out.append(',');
            }
            first = false;
            quote(out, e.getKey());
            out.append(':');
            write(out, e.getValue());
        }
        return out.append('}').toString();
    }
}
