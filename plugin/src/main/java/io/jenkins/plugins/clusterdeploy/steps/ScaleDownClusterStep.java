package io.jenkins.plugins.clusterdeploy.steps;

import hudson.Extension;
import io.jenkins.plugins.clusterdeploy.progress.RequestMap;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code scaleDownCluster}: scales every server group but the newest {@code remainingFullSizeServerGroups}
 * (default 1) to 0.
 * Returns {@code operationId}, {@code status} and the server groups it touched, by what it did to them.
 */
public class ScaleDownClusterStep extends ClusterStep {
    public static final String FUNCTION = "scaleDownCluster";

    private Integer remainingFullSizeServerGroups;
    private Boolean allowScaleDownActive;
    private Boolean preferLargerOverNewer;

    @DataBoundConstructor
    public ScaleDownClusterStep(String account, String cluster) {
        super(account, cluster);
    }

    @Override
    public String functionName() {
        return FUNCTION;
    }

    @Override
    protected String operationType() {
        return "scaleDownCluster";
    }

    @Override
    protected void addClusterParameters(RequestMap request) {
        request.put("remainingFullSizeServerGroups", remainingFullSizeServerGroups)
                .put("allowScaleDownActive", allowScaleDownActive)
                .put("preferLargerOverNewer", preferLargerOverNewer);
    }

    public Integer getRemainingFullSizeServerGroups() {
        return remainingFullSizeServerGroups;
    }

    @DataBoundSetter
    public void setRemainingFullSizeServerGroups(Integer remainingFullSizeServerGroups) {
        this.remainingFullSizeServerGroups = remainingFullSizeServerGroups;
    }

    public Boolean getAllowScaleDownActive() {
        return allowScaleDownActive;
    }

    @DataBoundSetter
    public void setAllowScaleDownActive(Boolean allowScaleDownActive) {
        this.allowScaleDownActive = allowScaleDownActive;
    }

    public Boolean getPreferLargerOverNewer() {
        return preferLargerOverNewer;
    }

    @DataBoundSetter
    public void setPreferLargerOverNewer(Boolean preferLargerOverNewer) {
        this.preferLargerOverNewer = preferLargerOverNewer;
    }

    @Extension
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends ClusterDeployStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION, "Scale down cluster (Cluster Deploy)");
        }
    }
}
