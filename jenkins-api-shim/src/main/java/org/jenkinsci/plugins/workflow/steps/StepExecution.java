package org.jenkinsci.plugins.workflow.steps;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

/**
 * Shim of {@code org.jenkinsci.plugins.workflow.steps.StepExecution} (workflow-step-api), with the real defaults:
 * {@link #stop} fails the context, {@link #onResume} does nothing, {@link #getStatus} is null.
 * The real field injection ({@code @Inject StepContext}), {@code blocksRestart}, {@code getStatusBounded} and the
 * static {@code acceptAll}/{@code applyAll} are omitted.
 */
public abstract class StepExecution implements Serializable {
    private static final long serialVersionUID = 1L;

    private StepContext context;

    @Deprecated
    protected StepExecution() {
    }

    protected StepExecution(@NonNull StepContext context) {
        this.context = context;
    }

    public @NonNull StepContext getContext() {
        if (context == null) {
            throw new IllegalStateException("no StepContext: pass one to the StepExecution constructor");
        }
        return context;
    }

    public abstract boolean start() throws Exception;

    public void stop(@NonNull Throwable cause) throws Exception {
        getContext().onFailure(cause);
    }

    public void onResume() {}

    public @CheckForNull String getStatus() {
        return null;
    }
}
