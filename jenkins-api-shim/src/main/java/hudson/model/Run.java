package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionPoint;
import hudson.security.ACL;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;
import jenkins.model.RunAction2;
import jenkins.util.io.OnMaster;
import org.kohsuke.stapler.StaplerProxy;

/**
 * Shim of {@code hudson.model.Run} (Jenkins 2.541.3).
 * Real generic declaration; of its interfaces {@code DescriptorByNameOwner}, {@code HistoricalBuild} and
 * {@code WithConsoleUrl} are omitted. {@link #addAction} attaches {@link RunAction2}s as the real one does;
 * {@link #setResult} keeps the worst result as the real one does; everything needing a build record throws.
 */
public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
        extends Actionable implements ExtensionPoint, Comparable<RunT>, AccessControlled, PersistenceRoot, OnMaster, StaplerProxy {

    private final transient JobT project;
    private volatile Result result;

    protected Run(@NonNull JobT job) throws IOException {
        this.project = job;
    }

    @Override
    public void addAction(@NonNull Action a) {
        super.addAction(a);
        if (a instanceof RunAction2 runAction) {
            runAction.onAttached(this);
        }
    }

    @Override
    public int compareTo(@NonNull RunT that) {
        return Integer.compare(getNumber(), that.getNumber());
    }

    public @CheckForNull Result getResult() {
        return result;
    }

    public void setResult(@NonNull Result r) {
        // As core: a result only gets worse (core also refuses a build that is not BUILDING; the shim has no state).
        if (result == null || r.isWorseThan(result)) {
            result = r;
        }
    }

    public @NonNull JobT getParent() {
        return project;
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public String getDisplayName() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    public @NonNull String getUrl() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    public @NonNull String getId() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public @NonNull File getRootDir() {
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

    public @NonNull String getExternalizableId() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @Override
    public Object getTarget() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }
}
