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
 * {@code DescriptorByNameOwner} are omitted.
 */
public abstract class AbstractItem extends Actionable implements Loadable, Item, AccessControlled, StaplerProxy {
    @SuppressWarnings("rawtypes")
    protected AbstractItem(ItemGroup parent, String name) {
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public File getRootDir() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public final String getFullName() {
        throw new UnsupportedOperationException("jenkins-api-shim");
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
