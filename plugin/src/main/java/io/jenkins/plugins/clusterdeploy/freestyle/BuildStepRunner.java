package io.jenkins.plugins.clusterdeploy.freestyle;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.operation.OperationState;
import io.jenkins.plugins.clusterdeploy.progress.BuildActor;
import io.jenkins.plugins.clusterdeploy.progress.LogCursor;
import io.jenkins.plugins.clusterdeploy.progress.OperationFollower;
import io.jenkins.plugins.clusterdeploy.progress.StartErrors;
import io.jenkins.plugins.clusterdeploy.run.ClusterDeployRunAction;
import io.jenkins.plugins.clusterdeploy.runtime.ClusterDeployRuntime;
import io.jenkins.plugins.clusterdeploy.steps.ClusterDeployStep;
import java.io.PrintStream;
import java.util.Map;

/**
 * Runs one operation for a freestyle build, on the build's executor: checks the account, starts the operation,
 * follows it to the end (logging its timeline and recording it in the build summary) and fails the build step with
 * the reason when it fails. Aborting the build cancels the operation (the engine rolls back as the request says).
 */
public final class BuildStepRunner {
    private final ClusterDeployRuntime runtime;

    public BuildStepRunner(ClusterDeployRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Runs a step's operation; a parameter the step's request refuses fails the build step naming it,
     * before anything starts.
     */
    public Object run(Run<?, ?> run, TaskListener listener, ClusterDeployStep step)
            throws InterruptedException, AbortException {
        Map<String, Object> request;
        try {
            request = step.toRequest();
        } catch (ClusterDeployException e) {
            throw new AbortException(StartErrors.message(step.functionName(), e));
        }
        if (step.isDryRun()) {
            return plan(run, listener, step.functionName(), request);
        }
        return run(run, listener, step.functionName(), request);
    }

    /** A dry run: the plan in the log and as the result; nothing changes. */
    private Object plan(Run<?, ?> run, TaskListener listener, String name, Map<String, Object> request)
            throws AbortException {
        return io.jenkins.plugins.clusterdeploy.progress.PlanReport.dryRun(runtime, run.getParent(),
                java.util.Collections.singletonList(request.get("account") == null ? null
                        : String.valueOf(request.get("account"))), name, request, listener.getLogger());
    }

    /** @return the step's result: the image for findImageFromCluster, the result map otherwise */
    public Object run(Run<?, ?> run, TaskListener listener, String name, Map<String, Object> request)
            throws InterruptedException, AbortException {
        PrintStream log = listener.getLogger();
        OperationState s;
        try {
            runtime.checkAccountUse(request.get("account") == null ? null : String.valueOf(request.get("account")),
                    runtime.originOf(run.getParent()));
            Map<String, Object> attributed = new java.util.LinkedHashMap<>(request);
            attributed.put(io.clusterdeploy.engine.catalog.Attribution.STARTED_BY, BuildActor.of(run));
            s = runtime.operations().start(attributed);
        } catch (ClusterDeployException e) {
            throw new AbortException(StartErrors.message(name, e));
        }
        log.println("Cluster Deploy: " + name + " started operation " + s.id() + " (" + s.type() + " on account '"
                + request.get("account") + "')");
        ClusterDeployRunAction summary = ClusterDeployRunAction.of(run);
        summary.record(s, name);
        OperationFollower follower = new OperationFollower(runtime, s.id(), name, new LogCursor());
        try {
            while (true) {
                try {
                    s = follower.poll(log, state -> summary.record(state, name));
                    if (s.status().isFinished()) {
                        break;
                    }
                } catch (ClusterDeployException e) {
                    if (e.kind() != ErrorKind.UNAVAILABLE) {
                        throw new AbortException(name + ": " + e.getMessage());
                    }
                }
                Thread.sleep(runtime.pollInterval().toMillis());
            }
        } catch (InterruptedException e) {
            // Jenkins aborts a freestyle build by interrupting its thread: the exception says nothing more.
            cancel(s.id(), BuildActor.of(run), "the build was aborted", log);
            throw e;
        }
        Object result = OperationFollower.outcome(name, s);
        log.println("Cluster Deploy: " + name + " result: " + result);
        return result;
    }

    private void cancel(String operationId, String actor, String reason, PrintStream log) {
        try {
            runtime.operations().cancel(operationId, actor, reason);
            log.println("Cluster Deploy: build aborted; cancelling operation " + operationId
                    + " (the engine rolls back as the request says)");
        } catch (ClusterDeployException e) {
            log.println("Cluster Deploy: could not cancel operation " + operationId + ": " + e.getMessage());
        }
    }
}
