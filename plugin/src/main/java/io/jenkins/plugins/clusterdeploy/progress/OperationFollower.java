package io.jenkins.plugins.clusterdeploy.progress;

import hudson.AbortException;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import io.jenkins.plugins.clusterdeploy.runtime.ClusterDeployRuntime;
import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * Follows one operation for a build: the Pipeline step's execution and the freestyle builders both go through
 * here. Each {@link #poll} makes sure the engine runs the operation (an engine rebuild or a restart may have left
 * it unfinished: it is resumed through the engine's one resume path), writes the new part of its timeline to the
 * build log and hands the state to the build's summary; {@link #outcome} turns the final state into what the step
 * returns, or the reason it fails.
 */
public final class OperationFollower {
    private final ClusterDeployRuntime runtime;
    private final String operationId;
    private final String functionName;
    private final LogCursor cursor;

    public OperationFollower(ClusterDeployRuntime runtime, String operationId, String functionName, LogCursor cursor) {
        this.runtime = runtime;
        this.operationId = operationId;
        this.functionName = functionName;
        this.cursor = cursor;
    }

    /**
     * One look at the operation.
     *
     * @param summary gets every state seen (the build's summary records it)
     * @throws ClusterDeployException UNAVAILABLE while there is no engine (try again later); NOT_FOUND when the
     *                                engine does not know the operation, or the reason it cannot resume (its account
     *                                is gone)
     */
    public OperationState poll(PrintStream log, Consumer<OperationState> summary) {
        OperationRunner ops = runtime.operations();
        boolean wasActive = ops.isActive(operationId);
        OperationState s;
        try {
            s = ops.ensureRunning(operationId);
        } catch (ClusterDeployException e) {
            if (e.kind() == ErrorKind.UNAVAILABLE) {
                throw e;
            }
            throw new ClusterDeployException(e.kind(), e.field(), "operation " + operationId
                    + " cannot continue: " + e.getMessage(), e);
        }
        if (!wasActive && !s.status().isFinished()) {
            log.println("Cluster Deploy: resumed operation " + operationId + " from its last completed step");
        }
        OperationLog.write(s, cursor, log);
        summary.accept(s);
        return s;
    }

    /** What the step returns once the operation ended: its result when it succeeded, a failure naming why otherwise. */
    public static Object outcome(String functionName, OperationState finished) throws AbortException {
        if (finished.status() != OperationStatus.SUCCEEDED) {
            throw new AbortException(OperationResults.failure(functionName, finished));
        }
        return OperationResults.stepResult(finished);
    }

    public LogCursor cursor() {
        return cursor;
    }
}
