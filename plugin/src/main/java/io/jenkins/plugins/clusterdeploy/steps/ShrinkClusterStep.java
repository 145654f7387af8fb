package io.jenkins.plugins.clusterdeploy.steps;

import hudson.Extension;
import io.jenkins.plugins.clusterdeploy.progress.RequestMap;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code shrinkCluster}: destroys the server groups beyond {@code shrinkToSize} (default 1), oldest first.
 * Returns {@code operationId}, {@code status} and the server groups it touched, by what it did to them.
 */
public class ShrinkClusterStep extends ClusterStep {
    public static final String FUNCTION = "shrinkCluster";

    private Integer shrinkToSize;
    private Boolean allowDeleteActive;
    private Boolean retainLargerOverNewer;

    @DataBoundConstructor
    public ShrinkClusterStep(String account, String cluster) {
        super(account, cluster);
    }

    @Override
    public String functionName() {
        return FUNCTION;
    }

    @Override
    protected String operationType() {
        return "shrinkCluster";
    }

    @Override
    protected void addClusterParameters(RequestMap request) {
        request.put("shrinkToSize", shrinkToSize)
                .put("allowDeleteActive", allowDeleteActive)
                .put("retainLargerOverNewer", retainLargerOverNewer);
    }

    public Integer getShrinkToSize() {
        return shrinkToSize;
    }

    @DataBoundSetter
    public void setShrinkToSize(Integer shrinkToSize) {
        this.shrinkToSize = shrinkToSize;
    }

    public Boolean getAllowDeleteActive() {
        return allowDeleteActive;
    }

    @DataBoundSetter
    public void setAllowDeleteActive(Boolean allowDeleteActive) {
        this.allowDeleteActive = allowDeleteActive;
    }

    public Boolean getRetainLargerOverNewer() {
        return retainLargerOverNewer;
    }

    @DataBoundSetter
    public void setRetainLargerOverNewer(Boolean retainLargerOverNewer) {
        this.retainLargerOverNewer = retainLargerOverNewer;
    }

    @Extension
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends ClusterDeployStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION, "Shrink cluster (Cluster Deploy)");
        }
    }
}
