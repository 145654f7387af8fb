package net.sf.json;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;

/**
 * Shim of {@code net.sf.json.JSONArray} (json-lib 2.4-jenkins-15): a list of JSON values with json-lib's raw
 * List signatures. {@link #fromObject(Object)} accepts JSONArray, collections and arrays only (no JSON text);
 * {@link #toString()} is compact JSON text written by the shim.
 */
@SuppressWarnings({"rawtypes", "unchecked"})
public final class JSONArray extends AbstractJSON implements JSON, List<Object>, Comparable {
    private static final long serialVersionUID = 1L;

    private final List<Object> elements = new ArrayList<>();

    public JSONArray() {
    }

    public static JSONArray fromObject(Object object) {
        JSONArray result = new JSONArray();
        if (object instanceof Collection<?> c) {
            for (Object o : c) {
                result.add(o);
            }
        } else if (object != null && object.getClass().isArray()) {
            for (Object o : arrayElements(object)) {
                result.add(o);
            }
        } else {
            throw new UnsupportedOperationException("jenkins-api-shim: JSONArray.fromObject supports collections and arrays only");
        }
        return result;
    }

    public JSONArray element(Object value) {
        add(value);
        return this;
    }

    public String getString(int index) {
        return String.valueOf(elements.get(index));
    }

    public JSONObject getJSONObject(int index) {
        Object o = elements.get(index);
        if (o instanceof JSONObject json) {
            return json;
        }
        throw new JSONException("JSONArray[" + index + "] is not a JSONObject.");
    }

    @Override
    public boolean isArray() {
        return true;
    }

    @Override
    public int size() {
        return elements.size();
    }

    @Override
    public boolean isEmpty() {
        return elements.isEmpty();
    }

    @Override
    public boolean contains(Object o) {
        return elements.contains(toJsonValue(o));
    }

    @Override
    public Iterator iterator() {
        return elements.iterator();
    }

    @Override
    public Object[] toArray() {
        return elements.toArray();
    }

    @Override
    public Object[] toArray(Object[] array) {
        return elements.toArray(array);
    }

    @Override
    public boolean add(Object value) {
        return elements.add(toJsonValue(value));
    }

    @Override
    public void add(int index, Object value) {
        elements.add(index, toJsonValue(value));
    }

    @Override
    public boolean remove(Object o) {
        return elements.remove(o);
    }

    @Override
    public Object remove(int index) {
        return elements.remove(index);
    }

    @Override
    public boolean containsAll(Collection collection) {
        return elements.containsAll(collection);
    }

    @Override
    public boolean addAll(Collection collection) {
        boolean changed = false;
        for (Object o : collection) {
            changed |= add(o);
        }
        return changed;
    }

    @Override
    public boolean addAll(int index, Collection collection) {
        int i = index;
        for (Object o : collection) {
            add(i++, o);
        }
        return !collection.isEmpty();
    }

    @Override
    public boolean removeAll(Collection collection) {
        return elements.removeAll(collection);
    }

    @Override
    public boolean retainAll(Collection collection) {
        return elements.retainAll(collection);
    }

    @Override
    public void clear() {
        elements.clear();
    }

    @Override
    public Object get(int index) {
        return elements.get(index);
    }

    @Override
    public Object set(int index, Object value) {
        return elements.set(index, toJsonValue(value));
    }

    @Override
    public int indexOf(Object o) {
        return elements.indexOf(o);
    }

    @Override
    public int lastIndexOf(Object o) {
        return elements.lastIndexOf(o);
    }

    @Override
    public ListIterator listIterator() {
        return elements.listIterator();
    }

    @Override
    public ListIterator listIterator(int index) {
        return elements.listIterator(index);
    }

    @Override
    public List subList(int fromIndex, int toIndex) {
        return elements.subList(fromIndex, toIndex);
    }

    @Override
    public int compareTo(Object obj) {
        if (obj instanceof JSONArray other) {
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
        return obj instanceof JSONArray other && elements.equals(other.elements);
    }

    @Override
    public int hashCode() {
        return elements.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("[");
        for (int i = 0; i < elements.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            write(out, elements.get(i));
        }
        return out.append(']').toString();
    }
}
