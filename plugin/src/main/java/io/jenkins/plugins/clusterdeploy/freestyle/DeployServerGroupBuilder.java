package io.jenkins.plugins.clusterdeploy.freestyle;

import hudson.EnvVars;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import io.jenkins.plugins.clusterdeploy.runtime.ClusterDeployRuntime;
import io.jenkins.plugins.clusterdeploy.runtime.EngineService;
import io.jenkins.plugins.clusterdeploy.steps.DeployServerGroupStep;
import java.io.IOException;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;

/**
 * Freestyle "Deploy server group": the {@code deployServerGroup} step's parameters (same form, same help), run on
 * the build's executor. Needs no workspace.
 */
public final class DeployServerGroupBuilder extends Builder implements SimpleBuildStep {
    private final DeployServerGroupStep deploy;

    @DataBoundConstructor
    public DeployServerGroupBuilder(DeployServerGroupStep deploy) {
        this.deploy = deploy;
    }

    public DeployServerGroupStep getDeploy() {
        return deploy;
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(Run<?, ?> run, EnvVars env, TaskListener listener) throws InterruptedException, IOException {
        perform(run, listener, EngineService.get());
    }

    void perform(Run<?, ?> run, TaskListener listener, ClusterDeployRuntime runtime) throws InterruptedException, IOException {
        new BuildStepRunner(runtime).run(run, listener, deploy);
    }

    @Extension
    @Symbol("deployServerGroupBuilder")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {
        public DescriptorImpl() {
            super(DeployServerGroupBuilder.class);
        }

        @Override
        @SuppressWarnings("rawtypes")
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @Override
        public String getDisplayName() {
            return "Deploy server group (Cluster Deploy)";
        }
    }
}
