package io.jenkins.plugins.clusterdeploy.steps;

import hudson.model.Run;
import hudson.model.TaskListener;
import java.util.Set;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;

/**
 * Descriptor of the operation steps: they need the build (for the job's name and the build summary) and its log,
 * but no workspace or node. {@link #isClusterOperation()} puts the step into the freestyle "Cluster operation"
 * builder's drop-down.
 */
public abstract class ClusterDeployStepDescriptor extends StepDescriptor {
    private final String functionName;
    private final String displayName;

    /** @param functionName the Pipeline step's name; @param displayName its name in the Snippet Generator */
    protected ClusterDeployStepDescriptor(String functionName, String displayName) {
        this.functionName = functionName;
        this.displayName = displayName;
    }

    @Override
    public final String getFunctionName() {
        return functionName;
    }

    @Override
    public final String getDisplayName() {
        return displayName;
    }

    @Override
    public Set<? extends Class<?>> getRequiredContext() {
        return Set.of(Run.class, TaskListener.class);
    }

    /** True for every operation except deploys, which have their own builder. */
    public boolean isClusterOperation() {
        return true;
    }
}
