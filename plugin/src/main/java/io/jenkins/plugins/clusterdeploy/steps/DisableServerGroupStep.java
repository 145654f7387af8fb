package io.jenkins.plugins.clusterdeploy.steps;

import hudson.Extension;
import io.jenkins.plugins.clusterdeploy.progress.RequestMap;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code disableServerGroup}: takes {@code desiredPercentage} (default 100) of a server group's instances out of
 * traffic.
 * Returns {@code operationId}, {@code status} and the server groups it touched, by what it did to them.
 */
public class DisableServerGroupStep extends ServerGroupStep {
    public static final String FUNCTION = "disableServerGroup";

    private Integer desiredPercentage;

    @DataBoundConstructor
    public DisableServerGroupStep(String account, String serverGroupName) {
        super(account, serverGroupName);
    }

    @Override
    public String functionName() {
        return FUNCTION;
    }

    @Override
    protected String operationType() {
        return "disable";
    }

    @Override
    protected void addServerGroupParameters(RequestMap request) {
        request.put("desiredPercentage", desiredPercentage);
    }

    public Integer getDesiredPercentage() {
        return desiredPercentage;
    }

    @DataBoundSetter
    public void setDesiredPercentage(Integer desiredPercentage) {
        this.desiredPercentage = desiredPercentage;
    }

    @Extension
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends ClusterDeployStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION, "Disable server group (Cluster Deploy)");
        }
    }
}
