package io.jenkins.plugins.clusterdeploy.testing;

import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import hudson.EnvVars;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jenkinsci.plugins.workflow.graph.FlowNode;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.BodyInvoker;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;

/**
 * A step context as a Pipeline gives one, for driving step executions without Jenkins: the build, its log and
 * environment, an optional body, and the outcome (which must be reported exactly once).
 */
public final class FakeStepContext extends StepContext {
    private static final long serialVersionUID = 1L;

    private final transient Run<?, ?> run;
    private final transient TestListener listener = new TestListener();
    private final transient EnvVars env = new EnvVars();
    private transient EnvironmentExpander expander;
    private transient FakeBody body;
    private transient FlowNode node;
    private final transient CompletableFuture<Object> outcome = new CompletableFuture<>();
    private final transient AtomicInteger completions = new AtomicInteger();
    private final transient AtomicInteger saves = new AtomicInteger();
    private final transient List<BodyExecution> bodies = new CopyOnWriteArrayList<>();

    public FakeStepContext(Run<?, ?> run) {
        this.run = run;
    }

    /** Gives the step a body. */
    public FakeStepContext withBody(FakeBody body) {
        this.body = body;
        return this;
    }

    /** Gives the step its node in the flow graph (where warnings are recorded). */
    public FakeStepContext withFlowNode(FlowNode node) {
        this.node = node;
        return this;
    }

    /** Binds a secret variable, as withCredentials does. */
    public FakeStepContext withSecretVariable(String name, String value) {
        env.put(name, value);
        expander = new EnvironmentExpander() {
            private static final long serialVersionUID = 1L;

            @Override
            public void expand(EnvVars e) {
                e.put(name, value);
            }

            @Override
            public java.util.Set<String> getSensitiveVariables() {
                return java.util.Set.of(name);
            }
        };
        return this;
    }

    @Override
    public <T> T get(Class<T> key) {
        if (key == Run.class) {
            return key.cast(run);
        }
        if (key == TaskListener.class) {
            return key.cast(listener);
        }
        if (key == EnvVars.class) {
            return key.cast(env);
        }
        if (key == FlowNode.class) {
            return key.cast(node);
        }
        if (key == EnvironmentExpander.class) {
            return key.cast(expander);
        }
        return null;
    }

    @Override
    public void onSuccess(Object result) {
        completions.incrementAndGet();
        outcome.complete(result);
    }

    @Override
    public void onFailure(Throwable t) {
        completions.incrementAndGet();
        outcome.completeExceptionally(t);
    }

    @Override
    public boolean isReady() {
        return outcome.isDone();
    }

    @Override
    public ListenableFuture<Void> saveState() {
        saves.incrementAndGet();
        return Futures.immediateFuture(null);
    }

    @Override
    public void setResult(Result r) {
        throw new UnsupportedOperationException("deprecated in the real API");
    }

    @Override
    public BodyInvoker newBodyInvoker() {
        if (body == null) {
            throw new IllegalStateException("There is no body to invoke");
        }
        return new FakeBodyInvoker(this, body);
    }

    void bodyStarted(BodyExecution body) {
        bodies.add(body);
    }

    /** The bodies this context started, in order. */
    public List<BodyExecution> bodies() {
        return List.copyOf(bodies);
    }

    /** The step's result; throws what it failed with. */
    public Object await(Duration timeout) throws Exception {
        try {
            return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    public boolean isDone() {
        return outcome.isDone();
    }

    public int completions() {
        return completions.get();
    }

    public int saves() {
        return saves.get();
    }

    public String log() {
        return listener.text();
    }

    @Override
    public boolean equals(Object o) {
        return o == this;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
