package io.jenkins.plugins.clusterdeploy.steps;

import hudson.Extension;
import io.jenkins.plugins.clusterdeploy.progress.RequestMap;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code disableCluster}: disables every enabled server group but the newest
 * {@code remainingEnabledServerGroups} (default 1).
 * Returns {@code operationId}, {@code status} and the server groups it touched, by what it did to them.
 */
public class DisableClusterStep extends ClusterStep {
    public static final String FUNCTION = "disableCluster";

    private Integer remainingEnabledServerGroups;
    private Boolean preferLargerOverNewer;

    @DataBoundConstructor
    public DisableClusterStep(String account, String cluster) {
        super(account, cluster);
    }

    @Override
    public String functionName() {
        return FUNCTION;
    }

    @Override
    protected String operationType() {
        return "disableCluster";
    }

    @Override
    protected void addClusterParameters(RequestMap request) {
        request.put("remainingEnabledServerGroups", remainingEnabledServerGroups)
                .put("preferLargerOverNewer", preferLargerOverNewer);
    }

    public Integer getRemainingEnabledServerGroups() {
        return remainingEnabledServerGroups;
    }

    @DataBoundSetter
    public void setRemainingEnabledServerGroups(Integer remainingEnabledServerGroups) {
        this.remainingEnabledServerGroups = remainingEnabledServerGroups;
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
            super(FUNCTION, "Disable cluster (Cluster Deploy)");
        }
    }
}
