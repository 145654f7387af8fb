package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.ListenableFuture;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Result;
import java.io.IOException;
import java.io.Serializable;

/**
 * Shim of {@code org.jenkinsci.plugins.workflow.steps.StepContext} (workflow-step-api): the same abstract methods
 * as the real class (so a test double implements exactly what a real subclass would), {@code onFailure(Throwable)}
 * coming from Guava's {@link FutureCallback}.
 */
public abstract class StepContext implements FutureCallback<Object>, Serializable {
    private static final long serialVersionUID = 1L;

    public abstract <T> T get(Class<T> key) throws IOException, InterruptedException;

    @Override
    public abstract void onSuccess(@Nullable Object result);

    public abstract boolean isReady();

    public abstract ListenableFuture<Void> saveState();

    public abstract void setResult(Result r);

    public abstract BodyInvoker newBodyInvoker() throws IllegalStateException;

    public boolean hasBody() {
        try {
            newBodyInvoker();
            return true;
        } catch (IllegalStateException x) {
            return false;
        }
    }

    @Override
    public abstract boolean equals(Object o);

    @Override
    public abstract int hashCode();
}
