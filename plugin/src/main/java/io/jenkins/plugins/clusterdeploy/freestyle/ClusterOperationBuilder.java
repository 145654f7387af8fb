package io.jenkins.plugins.clusterdeploy.freestyle;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import io.jenkins.plugins.clusterdeploy.runtime.ClusterDeployRuntime;
import io.jenkins.plugins.clusterdeploy.runtime.EngineService;
import io.jenkins.plugins.clusterdeploy.steps.ClusterDeployStep;
import io.jenkins.plugins.clusterdeploy.steps.ClusterDeployStepDescriptor;
import java.io.IOException;
import java.util.List;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Freestyle "Cluster operation": one of the server group and cluster operations (resize, enable, disable, destroy,
 * upsertLoadBalancer, rollbackCluster, disableCluster, scaleDownCluster, shrinkCluster, findImageFromCluster,
 * checkClusterSize), chosen from a drop-down; its parameters and help are those of the Pipeline step of that name.
 */
public final class ClusterOperationBuilder extends Builder implements SimpleBuildStep {
    private final ClusterDeployStep operation;

    @DataBoundConstructor
    public ClusterOperationBuilder(ClusterDeployStep operation) {
        this.operation = operation;
    }

    public ClusterDeployStep getOperation() {
        return operation;
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(Run<?, ?> run, EnvVars env, TaskListener listener) throws InterruptedException, IOException {
        perform(run, listener, EngineService.get());
    }

    Object perform(Run<?, ?> run, TaskListener listener, ClusterDeployRuntime runtime) throws InterruptedException, IOException {
        if (operation == null) {
            throw new AbortException("Cluster operation: no operation chosen");
        }
        return new BuildStepRunner(runtime).run(run, listener, operation);
    }

    @Extension
    @Symbol("clusterOperationBuilder")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        public DescriptorImpl() {
            super(ClusterOperationBuilder.class);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return "Cluster operation (Cluster Deploy)";
        }

        /** The drop-down's choices: every operation step but the deploys. */
        public List<ClusterDeployStepDescriptor> getOperationDescriptors() {
            return ExtensionList.lookup(ClusterDeployStepDescriptor.class).stream()
                    .filter(ClusterDeployStepDescriptor::isClusterOperation).toList();
        }
    }
}
