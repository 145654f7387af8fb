package io.jenkins.plugins.clusterdeploy.steps;

import hudson.Extension;
import io.jenkins.plugins.clusterdeploy.progress.RequestMap;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * {@code destroyServerGroup}: disables a server group, then deletes it and its instances.
 * Returns {@code operationId}, {@code status} and the server groups it touched, by what it did to them.
 */
public class DestroyServerGroupStep extends ServerGroupStep {
    public static final String FUNCTION = "destroyServerGroup";

    @DataBoundConstructor
    public DestroyServerGroupStep(String account, String serverGroupName) {
        super(account, serverGroupName);
    }

    @Override
    public String functionName() {
        return FUNCTION;
    }

    @Override
    protected String operationType() {
        return "destroy";
    }

    @Override
    protected void addServerGroupParameters(RequestMap request) {
        // Nothing but the server group's name.
    }

    @Extension
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends ClusterDeployStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION, "Destroy server group (Cluster Deploy)");
        }
    }
}
