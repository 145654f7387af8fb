package io.jenkins.plugins.clusterdeploy.steps;

import io.clusterdeploy.engine.operation.OperationState;
import java.io.Serializable;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * What a step makes of its operation once it ended, when that is more than its result map: a canary analysis marks
 * the step and the build for a Marginal verdict and fails for a Fail. Kept with the step's execution, so
 * serializable and without Jenkins objects of its own.
 */
interface StepOutcome extends Serializable {
    /**
     * @return what the step returns
     * @throws hudson.AbortException to fail the step with a message (no stack trace in the build log)
     */
    Object finish(String functionName, OperationState finished, StepContext context) throws Exception;
}
