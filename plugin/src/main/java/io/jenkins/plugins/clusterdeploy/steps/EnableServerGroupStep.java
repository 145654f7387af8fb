package io.jenkins.plugins.clusterdeploy.steps;

import hudson.Extension;
import io.jenkins.plugins.clusterdeploy.progress.RequestMap;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code enableServerGroup}: puts a server group's instances into traffic and waits until they are up.
 * Returns {@code operationId}, {@code status} and the server groups it touched, by what it did to them.
 */
public class EnableServerGroupStep extends ServerGroupStep {
    public static final String FUNCTION = "enableServerGroup";

    private Integer timeoutSec;

    @DataBoundConstructor
    public EnableServerGroupStep(String account, String serverGroupName) {
        super(account, serverGroupName);
    }

    @Override
    public String functionName() {
        return FUNCTION;
    }

    @Override
    protected String operationType() {
        return "enable";
    }

    @Override
    protected void addServerGroupParameters(RequestMap request) {
        request.put("timeoutSec", timeoutSec);
    }

    public Integer getTimeoutSec() {
        return timeoutSec;
    }

    @DataBoundSetter
    public void setTimeoutSec(Integer timeoutSec) {
        this.timeoutSec = timeoutSec;
    }

    @Extension
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends ClusterDeployStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION, "Enable server group (Cluster Deploy)");
        }
    }
}
