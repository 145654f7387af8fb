package io.jenkins.plugins.clusterdeploy.steps;

import hudson.Extension;
import io.jenkins.plugins.clusterdeploy.progress.RequestMap;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;

/**
 * {@code checkClusterSize}: fails unless the cluster's number of server groups compares to {@code expected} as
 * {@code comparison} says ({@code ==} by default).
 * Returns {@code operationId}, {@code status} and the server groups it touched, by what it did to them.
 */
public class CheckClusterSizeStep extends ClusterStep {
    public static final String FUNCTION = "checkClusterSize";

    private final int expected;
    private String comparison;
    private Boolean onlyEnabledServerGroups;

    @DataBoundConstructor
    public CheckClusterSizeStep(String account, String cluster, int expected) {
        super(account, cluster);
        this.expected = expected;
    }

    @Override
    public String functionName() {
        return FUNCTION;
    }

    @Override
    protected String operationType() {
        return "checkClusterSize";
    }

    @Override
    protected void addClusterParameters(RequestMap request) {
        request.put("expected", expected)
                .put("comparison", comparison)
                .put("onlyEnabledServerGroups", onlyEnabledServerGroups);
    }

    public int getExpected() {
        return expected;
    }

    public String getComparison() {
        return comparison;
    }

    @DataBoundSetter
    public void setComparison(String comparison) {
        this.comparison = blankToNull(comparison);
    }

    public Boolean getOnlyEnabledServerGroups() {
        return onlyEnabledServerGroups;
    }

    @DataBoundSetter
    public void setOnlyEnabledServerGroups(Boolean onlyEnabledServerGroups) {
        this.onlyEnabledServerGroups = onlyEnabledServerGroups;
    }

    @Extension
    @Symbol(FUNCTION)
    public static final class DescriptorImpl extends ClusterDeployStepDescriptor {
        public DescriptorImpl() {
            super(FUNCTION, "Check cluster size (Cluster Deploy)");
        }
    }
}
