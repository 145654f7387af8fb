package io.jenkins.plugins.clusterdeploy.steps;

import hudson.Extension;
import io.jenkins.plugins.clusterdeploy.progress.RequestMap;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code findImageFromCluster}: returns the image (artifact) a cluster runs, chosen by {@code selectionStrategy}
 * ({@code NEWEST}, {@code LARGEST}, {@code OLDEST}, {@code FAIL}).
 * Returns the image (a string; null when the chosen group has none).
 */
public class FindImageFromClusterStep extends ClusterStep {
    public static final String FUNCTION = "findImageFromCluster";

    private Boolean onlyEnabled;
    private String selectionStrategy;

    @DataBoundConstructor
    public FindImageFromClusterStep(String account, String cluster) {
        super(account, cluster);
    }

    @Override
    public String functionName() {
        return FUNCTION;
    }

    @Override
    protected String operationType() {
        return "findImageFromCluster";
    }

    @Override
    protected void addClusterParameters(RequestMap request) {
        request.put("onlyEnabled", onlyEnabled)
                .put("selectionStrategy", selectionStrategy);
    }

    public Boolean getOnlyEnabled() {
        return onlyEnabled;
    }

    @DataBoundSetter
    public void setOnlyEnabled(Boolean onlyEnabled) {
        this.onlyEnabled = onlyEnabled;
    }

    public String getSelectionStrategy() {
        return selectionStrategy;
    }

    @DataBoundSetter
    public void setSelectionStrategy(String selectionStrategy) {
        this.selectionStrategy = blankToNull(selectionStrategy);
    }

    @Extension
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends ClusterDeployStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION, "Find image from cluster (Cluster Deploy)");
        }
    }
}
