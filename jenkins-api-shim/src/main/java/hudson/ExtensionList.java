package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.AbstractList;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.util.io.OnMaster;

/**
 * Shim of {@code hudson.ExtensionList} (Jenkins 2.541.3).
 * Without a running Jenkins (always the case here) the real {@link #lookup(Class)} returns an empty list,
 * and {@link #lookupSingleton(Class)} throws {@link IllegalStateException}; the shim does the same.
 */
public class ExtensionList<T> extends AbstractList<T> implements OnMaster {
    public final @CheckForNull Jenkins jenkins;
    public final Class<T> extensionType;

    protected ExtensionList(Jenkins jenkins, Class<T> extensionType) {
        this.jenkins = jenkins;
        this.extensionType = extensionType;
    }

    @Override
    public T get(int index) {
        return List.<T>of().get(index);
    }

    @Override
    public int size() {
        return 0;
    }

    public static @NonNull <T> ExtensionList<T> lookup(Class<T> type) {
        return new ExtensionList<>(Jenkins.getInstanceOrNull(), type);
    }

    public static @NonNull <U> U lookupSingleton(Class<U> type) {
        ExtensionList<U> found = lookup(type);
        if (found.size() != 1) {
            throw new IllegalStateException("Expected 1 instance of " + type.getName() + " but got " + found.size());
        }
        return found.get(0);
    }
}
