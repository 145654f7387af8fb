package io.jenkins.plugins.clusterdeploy.testing;

import hudson.EnvVars;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyExecutionCallback;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/** Runs a {@link FakeBody} on its own thread, as the CPS thread would run a block, then calls the callback. */
final class FakeBodyInvoker extends BodyInvoker {
    private final FakeStepContext context;
    private final FakeBody body;
    private final List<Object> contexts = new ArrayList<>();
    private BodyExecutionCallback callback;

    FakeBodyInvoker(FakeStepContext context, FakeBody body) {
        this.context = context;
        this.body = body;
    }

    @Override
    public BodyInvoker withContext(Object override) {
        contexts.add(override);
        return this;
    }

    @Override
    public BodyInvoker withDisplayName(String name) {
        return this;
    }

    @Override
    public BodyInvoker withCallback(BodyExecutionCallback callback) {
        this.callback = callback;
        return this;
    }

    @Override
    public BodyExecution start() {
        EnvVars env = new EnvVars();
        Thread t = new Thread(() -> {
            try {
                for (Object o : contexts) {
                    if (o instanceof EnvironmentExpander e) {
                        e.expand(env);
                    }
                }
                Object result = body.run(env);
                callback.onSuccess(context, result);
            } catch (Throwable e) {
                callback.onFailure(context, e);
            }
        }, "fake-body");
        t.setDaemon(true);
        // Known to the context before it runs, as a Pipeline knows a body it starts.
        Running running = new Running(t);
        context.bodyStarted(running);
        t.start();
        return running;
    }

    /**
     * A body running on its thread. It is not written when a step is saved: a Pipeline re-attaches running bodies
     * after a restart, and {@link StepPersistence} does the same.
     */
    static final class Running extends BodyExecution {
        private static final long serialVersionUID = 1L;
        private final transient Thread thread;

        Running(Thread thread) {
            this.thread = thread;
        }

        @Override
        public Collection<StepExecution> getCurrentExecutions() {
            return List.of();
        }

        @Override
        public boolean cancel(Throwable cause) {
            thread.interrupt();
            return true;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return !thread.isAlive();
        }

        @Override
        public Object get() throws InterruptedException, ExecutionException {
            thread.join();
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) throws InterruptedException {
            thread.join(unit.toMillis(timeout));
            return null;
        }
    }
}
