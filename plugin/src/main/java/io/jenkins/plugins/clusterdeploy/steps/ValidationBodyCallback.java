package io.jenkins.plugins.clusterdeploy.steps;

import io.jenkins.plugins.clusterdeploy.runtime.ClusterDeployRuntime;
import io.jenkins.plugins.clusterdeploy.runtime.EngineService;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * Reports a validation body's outcome to the deploy waiting for it. Keeps only the token and the percentage, so it
 * survives a restart with the Pipeline program; the step itself is completed by its execution, not here.
 */
final class ValidationBodyCallback extends BodyExecutionCallback {
    private static final long serialVersionUID = 1L;

    private final String token;
    private final int percentage;
    private transient ClusterDeployRuntime runtime;

    ValidationBodyCallback(String token, int percentage, ClusterDeployRuntime runtime) {
        this.token = token;
        this.percentage = percentage;
        this.runtime = runtime;
    }

    /** After a restart the runtime is looked up again when first needed. */
    private void readObject(java.io.ObjectInputStream in) throws java.io.IOException, ClassNotFoundException {
        in.defaultReadObject();
        runtime = null;
    }

    private ClusterDeployRuntime runtime() {
        if (runtime == null) {
            runtime = EngineService.get();
        }
        return runtime;
    }

    @Override
    public void onSuccess(StepContext context, Object result) {
        runtime().validations().finished(token, percentage, null);
    }

    @Override
    public void onFailure(StepContext context, Throwable t) {
        runtime().validations().finished(token, percentage, t);
    }
}
