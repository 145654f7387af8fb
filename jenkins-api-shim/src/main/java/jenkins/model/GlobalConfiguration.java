package jenkins.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.ExtensionList;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Shim of {@code jenkins.model.GlobalConfiguration} (Jenkins 2.541.3). {@link #configure} binds the form onto this
 * object via {@link StaplerRequest2#bindJSON(Object, JSONObject)} as the real default does.
 */
public abstract class GlobalConfiguration extends Descriptor<GlobalConfiguration> implements ExtensionPoint, Describable<GlobalConfiguration> {
    @SuppressWarnings("unchecked")
    protected GlobalConfiguration() {
        super(self());
    }

    @Override
    public final Descriptor<GlobalConfiguration> getDescriptor() {
        return this;
    }

    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        req.bindJSON(this, json);
        return true;
    }

    public static @NonNull ExtensionList<GlobalConfiguration> all() {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }
}
