package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import java.io.Serializable;

/** Shim of {@code org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback} (workflow-step-api), with TailCall. */
public abstract class BodyExecutionCallback implements Serializable {
    private static final long serialVersionUID = 1L;

    public void onStart(StepContext context) {}

    public abstract void onSuccess(StepContext context, Object result);

    public abstract void onFailure(StepContext context, Throwable t);

    public static BodyExecutionCallback wrap(FutureCallback<Object> v) {
        if (v instanceof BodyExecutionCallback callback) {
            return callback;
        }
        if (!(v instanceof Serializable)) {
            throw new IllegalArgumentException(v.getClass() + " is not serializable");
        }
        return new Wrapper(v);
    }

    private static final class Wrapper extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        private final FutureCallback<Object> delegate;

        Wrapper(FutureCallback<Object> delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onSuccess(StepContext context, Object result) {
            delegate.onSuccess(result);
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            delegate.onFailure(t);
        }
    }

    /** Runs {@link #finished} after the body, then completes the step with the body's outcome. */
    public abstract static class TailCall extends BodyExecutionCallback {
        private static final long serialVersionUID = 1L;

        protected abstract void finished(StepContext context) throws Exception;

        @Override
        public final void onSuccess(StepContext context, Object result) {
            try {
                finished(context);
            } catch (Exception x) {
                context.onFailure(x);
                return;
            }
            context.onSuccess(result);
        }

        @Override
        public void onFailure(StepContext context, Throwable t) {
            try {
                finished(context);
            } catch (Exception x) {
                t.addSuppressed(x);
            }
            context.onFailure(t);
        }
    }
}
