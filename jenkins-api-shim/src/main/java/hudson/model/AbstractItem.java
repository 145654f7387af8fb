package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;
import jenkins.model.Loadable;
import org.kohsuke.stapler.StaplerProxy;

/**
 * Shim of {@code hudson.model.AbstractItem} (Jenkins 2.541.3). Of its interfaces {@code HttpDeletable} and
 * {@code DescriptorByNameOwner} are omitted. Plain behaviour kept: the parent and name given to the constructor,
 * {@link #getName()}, {@link #getParent()} (throws {@link IllegalStateException} without a parent, as real) and
 * {@link #getFullName()} (the parent's full name, then {@code /name}, as real). The real name validation of
 * {@code doSetName} is omitted.
 */
public abstract class AbstractItem extends Actionable implements Loadable, Item, AccessControlled, StaplerProxy {
    protected transient String name;

    @SuppressWarnings("rawtypes")
    private transient ItemGroup parent;

    @SuppressWarnings("rawtypes")
    protected AbstractItem(ItemGroup parent, String name) {
        this.parent = parent;
        this.name = name;
    }

    @NonNull
    @Override
    public String getName() {
        return name;
    }

    @SuppressWarnings("rawtypes")
    @Override
    public @NonNull ItemGroup getParent() {
        if (parent == null) {
            throw new IllegalStateException("no parent set on " + getClass().getName() + "[" + name + "]");
        }
        return parent;
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public File getRootDir() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @NonNull
    @Override
    public final String getFullName() {
        String n = getParent().getFullName();
        if (n.isEmpty()) {
            return getName();
        }
        return n + '/' + getName();
    }

    @Override
    public final String getFullDisplayName() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public @NonNull ACL getACL() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public synchronized void save() throws IOException {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public void load() throws IOException {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public Object getTarget() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }
}
