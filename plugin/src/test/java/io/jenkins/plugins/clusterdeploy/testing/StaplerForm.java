package io.jenkins.plugins.clusterdeploy.testing;

import hudson.model.Describable;
import hudson.model.Descriptor;
import java.beans.Introspector;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * A form submission bound as Stapler and Jenkins bind it, for tests without Jenkins. The rules are those of
 * stapler's {@code RequestImpl} ({@code bindJSON}, {@code TypePair.convertJSON}, {@code instantiate},
 * {@code injectSetters}) for the types the binding uses, and of core's {@code Descriptor.bindJSON}:
 * <ul>
 *   <li>{@link StaplerRequest2#bindJSON(Object, JSONObject)} (what {@code GlobalConfiguration.configure} does by
 *   default) and {@link StaplerRequest2#bindJSONToList} build nested objects by their {@code @DataBoundConstructor}
 *   and {@code @DataBoundSetter}s only: no descriptor's {@code newInstance} is called;</li>
 *   <li>{@link StaplerRequest2#bindJSON(Class, JSONObject)} is what {@code Descriptor.newInstance} calls; core installs
 *   its {@code NewInstanceBindInterceptor} around it, so every nested describable whose descriptor is known here is
 *   built by that descriptor's {@code newInstance};</li>
 *   <li>a single form value (a textarea, a text box) for a collection becomes a one-element collection; a JSON array
 *   becomes one element per item; {@code $class} (or {@code stapler-class}) picks the subtype of an abstract type;</li>
 *   <li>a boxed integer that does not parse is null (Stapler registers {@code IntegerConverter(null)}); a value
 *   without a converter (a text for a {@code Map}) is an {@link IllegalArgumentException}.</li>
 * </ul>
 */
public final class StaplerForm {
    private final Map<Class<?>, Descriptor<?>> descriptors = new LinkedHashMap<>();
    private final Set<JSONObject> processed = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final StaplerRequest2 request;
    private int newInstanceDepth;

    /** @param known the descriptors Jenkins would find for nested describables ({@code Jenkins.getDescriptor}) */
    public StaplerForm(Collection<? extends Descriptor<?>> known) {
        for (Descriptor<?> d : known) {
            descriptors.put(d.clazz, d);
        }
        request = (StaplerRequest2) Proxy.newProxyInstance(StaplerForm.class.getClassLoader(),
                new Class<?>[] {StaplerRequest2.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "bindJSON" -> args[0] instanceof Class<?> type
                            ? fromNewInstance(type, (JSONObject) args[1]) : bindBean(args[0], (JSONObject) args[1]);
                    case "bindJSONToList" -> toList((Class<?>) args[0], args[1]);
                    case "toString" -> "StaplerForm";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException("not part of the form binding: " + method);
                });
    }

    /** The request to hand to {@code configure} and {@code newInstance}. */
    public StaplerRequest2 request() {
        return request;
    }

    private Object fromNewInstance(Class<?> type, JSONObject json) {
        processed.add(json);
        newInstanceDepth++;
        try {
            return convert(type, type, json);
        } finally {
            newInstanceDepth--;
        }
    }

    private Object bindBean(Object bean, JSONObject json) {
        int saved = newInstanceDepth;
        newInstanceDepth = 0;
        try {
            for (Object k : json.keySet()) {
                String key = (String) k;
                Method setter = publicSetter(bean.getClass(), key, false);
                if (setter != null) {
                    invoke(setter, bean, convert(setter.getGenericParameterTypes()[0], setter.getParameterTypes()[0],
                            json.get(key)));
                }
            }
            return null;
        } finally {
            newInstanceDepth = saved;
        }
    }

    private List<Object> toList(Class<?> type, Object src) {
        List<Object> out = new ArrayList<>();
        if (src instanceof JSONObject j) {
            out.add(convert(type, type, j));
        } else if (src instanceof JSONArray a) {
            for (Object o : a) {
                if (o instanceof JSONObject j) {
                    out.add(convert(type, type, j));
                }
            }
        }
        return out;
    }

    private Object convert(Type generic, Class<?> type, Object o) {
        if (o == null || (o instanceof JSONObject j && j.isNullObject())) {
            return type == boolean.class ? false : type == int.class ? 0 : null;
        }
        Class<?> item = itemType(generic, type);
        if (item != null) {
            Type itemGeneric = generic instanceof ParameterizedType p ? p.getActualTypeArguments()[0] : item;
            Collection<Object> values = Set.class.isAssignableFrom(type) ? new LinkedHashSet<>() : new ArrayList<>();
            if (o instanceof JSONArray a) {
                for (Object v : a) {
                    addNonNull(values, convert(itemGeneric, item, v));
                }
            } else {
                addNonNull(values, convert(itemGeneric, item, o));
            }
            return values;
        }
        if (o instanceof JSONObject j) {
            if (type == JSONObject.class) {
                return j;
            }
            return instantiate(subtype(type, j), j);
        }
        if (o instanceof JSONArray) {
            throw new IllegalArgumentException("Got type array but no lister class found for type " + type);
        }
        return scalar(type, o);
    }

    private static void addNonNull(Collection<Object> values, Object v) {
        if (v != null) {
            values.add(v);
        }
    }

    private static Class<?> itemType(Type generic, Class<?> type) {
        if (!Collection.class.isAssignableFrom(type)) {
            return null;
        }
        if (generic instanceof ParameterizedType p && p.getActualTypeArguments()[0] instanceof Class<?> c) {
            return c;
        }
        return Object.class;
    }

    private static Class<?> subtype(Class<?> declared, JSONObject j) {
        String name = j.has("$class") ? j.getString("$class") : j.has("stapler-class") ? j.getString("stapler-class") : null;
        if (name == null) {
            return declared;
        }
        try {
            Class<?> sub = Class.forName(name, false, StaplerForm.class.getClassLoader());
            if (!declared.isAssignableFrom(sub)) {
                throw new IllegalArgumentException("Specified type " + sub + " is not assignable to the expected " + declared);
            }
            return sub;
        } catch (ClassNotFoundException e) {
            throw new IllegalArgumentException("Class " + name + " is specified in JSON, but no such class found", e);
        }
    }

    private static Object scalar(Class<?> type, Object o) {
        if (type == String.class) {
            return o.toString();
        }
        if (type == Integer.class || type == int.class) {
            if (o instanceof Number n) {
                return n.intValue();
            }
            try {
                return Integer.valueOf(o.toString().strip());
            } catch (NumberFormatException e) {
                return type == int.class ? 0 : null;
            }
        }
        if (type == Boolean.class || type == boolean.class) {
            return o instanceof Boolean b ? b : Boolean.valueOf(o.toString());
        }
        if (Enum.class.isAssignableFrom(type)) {
            return enumValue(type, o.toString());
        }
        if (type == Object.class) {
            return o;
        }
        throw new IllegalArgumentException("Unable to convert to " + type);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object enumValue(Class<?> type, String name) {
        return Enum.valueOf((Class) type, name);
    }

    private Object instantiate(Class<?> actual, JSONObject j) {
        if (newInstanceDepth > 0 && Describable.class.isAssignableFrom(actual) && !Modifier.isAbstract(actual.getModifiers())
                && descriptors.containsKey(actual) && processed.add(j)) {
            try {
                return descriptors.get(actual).newInstance(request, j);
            } catch (Descriptor.FormException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        }
        Constructor<?> ctor = null;
        for (Constructor<?> c : actual.getConstructors()) {
            if (c.isAnnotationPresent(DataBoundConstructor.class)) {
                ctor = c;
            }
        }
        if (ctor == null) {
            throw new IllegalArgumentException(actual + " has no @DataBoundConstructor");
        }
        Set<String> names = new HashSet<>();
        Object[] args = new Object[ctor.getParameterCount()];
        for (int i = 0; i < args.length; i++) {
            String name = ctor.getParameters()[i].getName();
            names.add(name);
            args[i] = convert(ctor.getGenericParameterTypes()[i], ctor.getParameterTypes()[i], j.get(name));
        }
        Object bean;
        try {
            bean = ctor.newInstance(args);
        } catch (InvocationTargetException e) {
            throw launder(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        for (Object k : j.keySet()) {
            String key = (String) k;
            if (names.contains(key)) {
                continue;
            }
            Field field = dataBoundField(actual, key);
            if (field != null) {
                try {
                    field.setAccessible(true);
                    field.set(bean, convert(field.getGenericType(), field.getType(), j.get(key)));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                continue;
            }
            Method setter = publicSetter(actual, key, true);
            if (setter != null) {
                invoke(setter, bean, convert(setter.getGenericParameterTypes()[0], setter.getParameterTypes()[0],
                        j.get(key)));
            }
        }
        return bean;
    }

    private static Field dataBoundField(Class<?> c, String name) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            try {
                Field f = k.getDeclaredField(name);
                return f.isAnnotationPresent(DataBoundSetter.class) ? f : null;
            } catch (NoSuchFieldException e) {
                // look in the superclass
            }
        }
        return null;
    }

    /** A public one-argument setter for {@code name}; {@code dataBound}: only {@code @DataBoundSetter}s count. */
    private static Method publicSetter(Class<?> c, String name, boolean dataBound) {
        for (Method m : c.getMethods()) {
            if (m.getName().startsWith("set") && m.getParameterCount() == 1
                    && Introspector.decapitalize(m.getName().substring(3)).equals(name)
                    && (!dataBound || m.isAnnotationPresent(DataBoundSetter.class))) {
                return m;
            }
        }
        return null;
    }

    private static void invoke(Method m, Object bean, Object value) {
        try {
            m.invoke(bean, value);
        } catch (InvocationTargetException e) {
            throw launder(e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RuntimeException launder(InvocationTargetException e) {
        Throwable t = e.getTargetException();
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        return new IllegalArgumentException(t);
    }
}
