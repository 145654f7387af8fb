package org.jenkinsci.plugins.workflow.steps;

import hudson.model.Descriptor;
import java.util.Set;

/**
 * Shim of {@code org.jenkinsci.plugins.workflow.steps.StepDescriptor} (workflow-step-api). Members other than the
 * required context, function name and block flag (meta-step support, lookups, argument rendering) are omitted.
 */
public abstract class StepDescriptor extends Descriptor<Step> {
    public abstract Set<? extends Class<?>> getRequiredContext();

    public abstract String getFunctionName();

    public boolean takesImplicitBlockArgument() {
        return false;
    }
}
