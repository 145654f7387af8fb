package org.jenkinsci.plugins.workflow.steps;

import hudson.ExtensionPoint;
import hudson.model.AbstractDescribableImpl;

/** Shim of {@code org.jenkinsci.plugins.workflow.steps.Step} (workflow-step-api). */
@SuppressWarnings("deprecation")
public abstract class Step extends AbstractDescribableImpl<Step> implements ExtensionPoint {
    public abstract StepExecution start(StepContext context) throws Exception;

    @Override
    public StepDescriptor getDescriptor() {
        return (StepDescriptor) super.getDescriptor();
    }
}
