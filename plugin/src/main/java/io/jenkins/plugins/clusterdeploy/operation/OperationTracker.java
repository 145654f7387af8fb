package io.jenkins.plugins.clusterdeploy.operation;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.operation.OperationRunner;
import io.clusterdeploy.engine.operation.OperationState;
import io.jenkins.plugins.clusterdeploy.engine.ClusterDeployRuntime;
import java.io.PrintStream;

/**
 * Follows one operation for a build: each {@link #poll()} reads its state, writes the new part of its timeline to
 * the build log and returns the state. An unfinished operation that no engine thread runs (the engine was rebuilt
 * or Jenkins restarted) is resumed from its stored state.
 */
public final class OperationTracker {
    private final ClusterDeployRuntime runtime;
    private final String operationId;
    private final LogCursor cursor;
    private final PrintStream log;

    public OperationTracker(ClusterDeployRuntime runtime, String operationId, LogCursor cursor, PrintStream log) {
        this.runtime = runtime;
        this.operationId = operationId;
        this.cursor = cursor;
        this.log = log;
    }

    /**
     * @throws ClusterDeployException NOT_FOUND when the engine does not know the operation, or the error that keeps
     *                                it from resuming (its account is gone); UNAVAILABLE while there is no engine
     */
    public OperationState poll() {
        OperationRunner ops = runtime.operations();
        OperationState s = current(ops);
        if (!s.status().isFinished() && !ops.isActive(operationId)) {
            s = resume(ops);
        }
        OperationLog.write(s, cursor, log);
        return s;
    }

    private OperationState current(OperationRunner ops) {
        return ops.get(operationId).orElseThrow(() -> ClusterDeployException.notFound("operationId",
                "the Cluster Deploy engine does not know operation " + operationId));
    }

    private OperationState resume(OperationRunner ops) {
        OperationState fresh = current(ops); // read again: it may have finished between the two looks
        if (fresh.status().isFinished() || ops.isActive(operationId)) {
            return fresh;
        }
        try {
            OperationState resumed = ops.resume(fresh);
            log.println("Cluster Deploy: resumed operation " + operationId + " from its last completed step");
            return resumed;
        } catch (ClusterDeployException e) {
            if (e.kind() == ErrorKind.CONFLICT) {
                return current(ops); // somebody else resumed it first
            }
            throw new ClusterDeployException(e.kind(), e.field(), "operation " + operationId
                    + " cannot continue: " + e.getMessage(), e);
        }
    }

    public LogCursor cursor() {
        return cursor;
    }
}
