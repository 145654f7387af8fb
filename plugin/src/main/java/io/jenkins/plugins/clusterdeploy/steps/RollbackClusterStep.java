package io.jenkins.plugins.clusterdeploy.steps;

import hudson.Extension;
import io.jenkins.plugins.clusterdeploy.progress.RequestMap;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code rollbackCluster}: brings back the server group before the newest enabled one (or
 * {@code restoreServerGroupName}) at the larger of both capacities, waits until it is healthy, then disables the
 * current one.
 * Returns {@code operationId}, {@code status} and the server groups it touched, by what it did to them.
 */
public class RollbackClusterStep extends ClusterStep {
    public static final String FUNCTION = "rollbackCluster";

    private String restoreServerGroupName;
    private Integer targetHealthyRollbackPercentage;
    private Integer timeoutSec;

    @DataBoundConstructor
    public RollbackClusterStep(String account, String cluster) {
        super(account, cluster);
    }

    @Override
    public String functionName() {
        return FUNCTION;
    }

    @Override
    protected String operationType() {
        return "rollbackCluster";
    }

    @Override
    protected void addClusterParameters(RequestMap request) {
        request.put("restoreServerGroupName", restoreServerGroupName)
                .put("targetHealthyRollbackPercentage", targetHealthyRollbackPercentage)
                .put("timeoutSec", timeoutSec);
    }

    public String getRestoreServerGroupName() {
        return restoreServerGroupName;
    }

    @DataBoundSetter
    public void setRestoreServerGroupName(String restoreServerGroupName) {
        this.restoreServerGroupName = blankToNull(restoreServerGroupName);
    }

    public Integer getTargetHealthyRollbackPercentage() {
        return targetHealthyRollbackPercentage;
    }

    @DataBoundSetter
    public void setTargetHealthyRollbackPercentage(Integer targetHealthyRollbackPercentage) {
        this.targetHealthyRollbackPercentage = targetHealthyRollbackPercentage;
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
            super(FUNCTION, "Roll back cluster (Cluster Deploy)");
        }
    }
}
