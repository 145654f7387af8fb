package org.jenkinsci.plugins.workflow.steps;

import com.google.common.util.concurrent.FutureCallback;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Arrays;
import java.util.Collection;

/**
 * Shim of {@code org.jenkinsci.plugins.workflow.steps.BodyInvoker} (workflow-step-api). The static
 * {@code mergeConsoleLogFilters}/{@code mergeLauncherDecorators} helpers are omitted.
 */
public abstract class BodyInvoker {
    public abstract BodyInvoker withContext(Object override);

    public BodyInvoker withContexts(Object... overrides) {
        return withContexts(Arrays.asList(overrides));
    }

    public BodyInvoker withContexts(Collection<?> overrides) {
        for (Object o : overrides) {
            withContext(o);
        }
        return this;
    }

    public abstract BodyInvoker withDisplayName(@NonNull String name);

    public abstract BodyInvoker withCallback(BodyExecutionCallback callback);

    public final BodyInvoker withCallback(FutureCallback<Object> callback) {
        return withCallback(BodyExecutionCallback.wrap(callback));
    }

    public abstract BodyExecution start();
}
