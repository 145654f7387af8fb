package io.jenkins.plugins.clusterdeploy.steps;

import hudson.AbortException;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.clusterdeploy.engine.operation.OperationState;
import io.jenkins.plugins.clusterdeploy.progress.CanaryResults;
import io.jenkins.plugins.clusterdeploy.progress.OperationFollower;
import java.io.PrintStream;
import java.util.Map;
import org.jenkinsci.plugins.workflow.actions.WarningAction;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A finished canary analysis for the {@code canaryAnalysis} step: the per-metric reasons go to the build log; Pass
 * returns the result; Marginal marks the step and the build UNSTABLE the way core's {@code unstable} step does
 * (workflow-basic-steps-plugin, {@code src/main/java/org/jenkinsci/plugins/workflow/steps/UnstableStep.java}: a
 * {@link WarningAction} of {@link Result#UNSTABLE} on the step's {@link FlowNode}, and {@link Run#setResult}) and
 * returns the result; Fail fails the step unless {@code failOnFail} is false. An analysis that did not run to its
 * verdict (a source failed, it was cancelled) fails the step as every operation does.
 */
final class CanaryAnalysisOutcome implements StepOutcome {
    private static final long serialVersionUID = 1L;

    private final boolean failOnFail;

    CanaryAnalysisOutcome(boolean failOnFail) {
        this.failOnFail = failOnFail;
    }

    @Override
    public Object finish(String functionName, OperationState finished, StepContext context) throws Exception {
        OperationFollower.outcome(functionName, finished); // throws when the analysis did not succeed
        Map<String, Object> result = CanaryResults.resultMap(finished);
        PrintStream log = context.get(TaskListener.class).getLogger();
        CanaryResults.lines(result).forEach(log::println);
        String classification = String.valueOf(result.get("classification"));
        String verdict = functionName + ": " + classification + ", score " + result.get("score") + ": "
                + result.get("reason");
        if (CanaryResults.FAIL.equals(classification)) {
            if (failOnFail) {
                throw new AbortException(verdict + " (operation " + finished.id() + "; failOnFail: false returns it)");
            }
            log.println("Cluster Deploy: " + verdict + "; failOnFail is false, so the step succeeds");
        } else if (CanaryResults.MARGINAL.equals(classification)) {
            FlowNode node = context.get(FlowNode.class);
            if (node != null) {
                node.addOrReplaceAction(new WarningAction(Result.UNSTABLE).withMessage(verdict));
            }
            context.get(Run.class).setResult(Result.UNSTABLE);
            log.println("WARNING: " + verdict);
        }
        return result;
    }
}
