package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import jenkins.model.Loadable;
import jenkins.util.io.OnMaster;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.HttpResponse;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.StaplerResponse2;

/**
 * Shim of {@code hudson.model.Descriptor} (Jenkins 2.541.3).
 * Plain behaviour kept: the described class ({@link #clazz}, inferred from the enclosing class by the no-arg
 * constructor), {@link #getDisplayName()} and {@link #getId()} defaults, {@link #configure} returning true.
 * {@link #newInstance(StaplerRequest2, JSONObject)} binds the form with {@link StaplerRequest2#bindJSON(Class,
 * JSONObject)} (the real one also installs a bind interceptor that sends nested describables to their descriptors'
 * {@code newInstance}; a request of the shim has none, so a test request decides how nested objects are built).
 * {@link #newInstancesFromHeteroList} picks each entry's descriptor by {@code kind} (its id) or {@code $class} (the
 * described class) and calls its {@code newInstance}, as the real one does.
 * {@link #load()} and {@link #save()} are no-ops here (there is no JENKINS_HOME).
 */
public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable, OnMaster {
    public final transient Class<? extends T> clazz;

    @SuppressWarnings("unchecked")
    protected Descriptor(Class<? extends T> clazz) {
        if (clazz == self()) {
            clazz = (Class<? extends T>) getClass();
        }
        this.clazz = clazz;
    }

    @SuppressWarnings("unchecked")
    protected Descriptor() {
        Class<?> outer = getClass().getEnclosingClass();
        if (outer == null) {
            throw new AssertionError(getClass() + " has no outer class; use the constructor that takes the Class");
        }
        this.clazz = (Class<? extends T>) outer;
    }

    @NonNull
    public String getDisplayName() {
        return clazz.getSimpleName();
    }

    public String getId() {
        return clazz.getName();
    }

    public String getHelpFile() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        return true;
    }

    public T newInstance(@Nullable StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
        if (req == null) {
            try {
                return clazz.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new LinkageError("Failed to instantiate " + clazz, e);
            }
        }
        return req.bindJSON(clazz, formData);
    }

    public static <T extends Describable<T>>
    List<T> newInstancesFromHeteroList(StaplerRequest2 req, JSONObject formData, String key,
                Collection<? extends Descriptor<T>> descriptors) throws FormException {
        return newInstancesFromHeteroList(req, formData.get(key), descriptors);
    }

    public static <T extends Describable<T>>
    List<T> newInstancesFromHeteroList(StaplerRequest2 req, Object formData,
                Collection<? extends Descriptor<T>> descriptors) throws FormException {
        List<T> items = new ArrayList<>();
        List<Object> entries = new ArrayList<>();
        if (formData instanceof JSONArray array) {
            for (Object o : array) {
                entries.add(o);
            }
        } else if (formData != null) {
            entries.add(formData);
        }
        for (Object o : entries) {
            JSONObject jo = (JSONObject) o;
            Descriptor<T> d = null;
            String kind = jo.optString("kind", null);
            if (kind != null) {
                d = findById(descriptors, kind);
            }
            if (d == null) {
                String className = jo.optString("$class");
                for (Descriptor<T> candidate : descriptors) {
                    if (d == null && candidate.clazz.getName().equals(className)) {
                        d = candidate;
                    }
                }
            }
            if (d != null) {
                items.add(d.newInstance(req, jo));
            }
        }
        return items;
    }

    @SuppressWarnings("rawtypes")
    public static @CheckForNull <T extends Descriptor> T findById(Collection<? extends T> list, String id) {
        for (T d : list) {
            if (d.getId().equals(id)) {
                return d;
            }
        }
        return null;
    }

    @Override
    public synchronized void save() {
        // no persistence in the shim
    }

    @Override
    public synchronized void load() {
        // no persistence in the shim
    }

    public static final class FormException extends Exception implements HttpResponse {
        private static final long serialVersionUID = 1L;

        private final String formField;

        public FormException(String message, String formField) {
            super(message);
            this.formField = formField;
        }

        public FormException(String message, Throwable cause, String formField) {
            super(message, cause);
            this.formField = formField;
        }

        public FormException(Throwable cause, String formField) {
            super(cause);
            this.formField = formField;
        }

        public String getFormField() {
            return formField;
        }

        @Override
        public void generateResponse(StaplerRequest2 req, StaplerResponse2 rsp, Object node) throws IOException, ServletException {
            throw new UnsupportedOperationException("jenkins-api-shim");
        }
    }

    public static final class Self {}

    @SuppressWarnings("rawtypes")
    protected static Class self() {
        return Self.class;
    }
}
