package io.jenkins.plugins.clusterdeploy.steps;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.clusterdeploy.engine.catalog.Attribution;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.operation.OperationState;
import io.jenkins.plugins.clusterdeploy.credentials.SecretValueGuard;
import io.jenkins.plugins.clusterdeploy.progress.BuildActor;
import io.jenkins.plugins.clusterdeploy.progress.LogCursor;
import io.jenkins.plugins.clusterdeploy.progress.OperationFollower;
import io.jenkins.plugins.clusterdeploy.progress.StartErrors;
import io.jenkins.plugins.clusterdeploy.run.ClusterDeployRunAction;
import io.jenkins.plugins.clusterdeploy.runtime.ClusterDeployRuntime;
import io.jenkins.plugins.clusterdeploy.runtime.EngineService;
import io.jenkins.plugins.clusterdeploy.validation.BodyStarter;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.BodyExecution;
import org.jenkinsci.plugins.workflow.steps.EnvironmentExpander;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Runs one engine operation for a Pipeline step, durably. {@link #start()} checks the account and hands the
 * request to the engine (which validates it completely and returns at once), then returns; a task on
 * {@link Timer} follows the operation, writes its timeline to the build log and completes the step exactly once,
 * with the result or an {@link AbortException} saying why it failed. Only identifiers are kept (operation id,
 * account, validation token), and the validation body that runs, so after a restart {@link #onResume()} re-attaches,
 * and the operation is resumed in the engine from its stored state if nothing runs it. {@link #stop} cancels the
 * operation (the engine then rolls back as the request says), cancels a running validation body, and fails the step.
 */
public final class ClusterDeployStepExecution extends StepExecution implements BodyStarter {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ClusterDeployStepExecution.class.getName());

    private final String functionName;
    private final String account;
    /** The accounts the build must be allowed to use; null (steps saved before there was a choice): {@link #account}. */
    private final List<String> accounts;
    /** What the finished operation becomes for the step; null: {@link OperationFollower#outcome}. */
    private final StepOutcome outcome;
    /** Non-null when the step has a validation body, which the engine runs through this token. */
    private final String validationToken;
    private String operationId;
    /** The build, as the operation names who started it; who cancels it too when the step is stopped. */
    private String startedBy;
    private final LogCursor cursor = new LogCursor();
    /** The percentage whose validation body was started and has not reported yet. */
    private volatile Integer bodyRunning;
    /**
     * That body, saved with the step so that {@link #stop} can cancel it after a restart too. A BodyExecution is
     * serializable and Pipeline resolves it again on resume: workflow-basic-steps' TimeoutStepExecution keeps its
     * body the same way (a non-transient field), which a transient one would lose.
     */
    private volatile BodyExecution body;

    private transient Map<String, Object> request;
    private transient ClusterDeployRuntime runtime;
    private transient AtomicBoolean done;
    private transient volatile ScheduledFuture<?> task;
    private transient boolean unavailableLogged;

    ClusterDeployStepExecution(StepContext context, String functionName, Map<String, Object> request,
                           String validationToken, ClusterDeployRuntime runtime) {
        this(context, functionName, request, null, null, validationToken, runtime);
    }

    /**
     * @param accounts the accounts the request acts on (a canary analysis names two); null: its {@code account}
     * @param outcome  what the finished operation becomes; null: the operation's result map, or its failure
     */
    ClusterDeployStepExecution(StepContext context, String functionName, Map<String, Object> request,
                               List<String> accounts, StepOutcome outcome, String validationToken,
                               ClusterDeployRuntime runtime) {
        super(context);
        this.functionName = functionName;
        this.request = new LinkedHashMap<>(request);
        this.account = request.get("account") == null ? null : String.valueOf(request.get("account"));
        this.accounts = accounts == null ? null : List.copyOf(accounts);
        this.outcome = outcome;
        this.validationToken = validationToken;
        this.runtime = runtime;
    }

    /** After a restart the transient fields start afresh; the runtime is looked up again when first needed. */
    private void readObject(java.io.ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        request = null;
        runtime = null;
        done = new AtomicBoolean();
        task = null;
        unavailableLogged = false;
    }

    /** What Jenkins' service lookup provides after a restart; tests hand in their own runtime here. */
    ClusterDeployStepExecution useRuntime(ClusterDeployRuntime runtime) {
        this.runtime = runtime;
        return this;
    }

    private ClusterDeployRuntime runtime() {
        if (runtime == null) {
            runtime = EngineService.get();
        }
        return runtime;
    }

    private synchronized AtomicBoolean done() {
        if (done == null) {
            done = new AtomicBoolean();
        }
        return done;
    }

    public String getOperationId() {
        return operationId;
    }

    @Override
    public boolean start() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        OperationState started;
        try {
            SecretValueGuard.check(request, sensitiveValues());
            for (String a : accounts == null ? java.util.Collections.singletonList(account) : accounts) {
                runtime().checkAccountUse(a, runtime().originOf(run.getParent()));
            }
            if (validationToken != null) {
                runtime().validations().attach(validationToken, null, this);
            }
            // Who started it: the build, as Jenkins names it (the person is on the build's causes).
            startedBy = BuildActor.of(run);
            request.put(Attribution.STARTED_BY, startedBy);
            started = runtime().operations().start(request);
            if (validationToken != null) {
                runtime().validations().bind(validationToken, started.id());
            }
        } catch (ClusterDeployException e) {
            if (validationToken != null) {
                runtime().validations().release(validationToken, null);
            }
            throw new AbortException(StartErrors.message(functionName, e));
        }
        operationId = started.id();
        request = null;
        String on = accounts == null ? "account '" + account + "'" : "accounts " + String.join(", ", accounts);
        listener.getLogger().println("Cluster Deploy: " + functionName + " started operation " + operationId + " ("
                + started.type() + " on " + on + "); progress follows, summary on the build page");
        ClusterDeployRunAction.of(run).record(started, functionName);
        schedule(0);
        return false;
    }

    /** The values of the build's secret variables (from withCredentials and the like), to keep them out of requests. */
    private List<String> sensitiveValues() throws IOException, InterruptedException {
        EnvironmentExpander expander = getContext().get(EnvironmentExpander.class);
        EnvVars env = getContext().get(EnvVars.class);
        if (expander == null || env == null) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        for (String name : expander.getSensitiveVariables()) {
            String v = env.get(name);
            if (v != null) {
                values.add(v);
            }
        }
        return values;
    }

    @Override
    public void onResume() {
        if (operationId == null) {
            complete(new AbortException(functionName + ": Jenkins stopped before the operation was started"));
            return;
        }
        try {
            if (validationToken != null) {
                if (bodyRunning != null) {
                    runtime().validations().expect(validationToken, bodyRunning);
                }
                runtime().validations().attach(validationToken, operationId, this);
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "re-attaching the validation body of operation " + operationId + " failed", e);
        }
        schedule(0);
    }

    private void schedule(long delayMillis) {
        if (done().get()) {
            return;
        }
        task = Timer.get().schedule(this::poll, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        if (done().get()) {
            return;
        }
        PrintStream log;
        Run<?, ?> run;
        try {
            log = getContext().get(TaskListener.class).getLogger();
            run = getContext().get(Run.class);
        } catch (IOException | InterruptedException | RuntimeException e) {
            LOG.log(Level.FINE, "the build of operation " + operationId + " is not reachable now", e);
            schedule(runtime().pollInterval().toMillis());
            return;
        }
        try {
            ClusterDeployRunAction summary = ClusterDeployRunAction.of(run);
            OperationState s = new OperationFollower(runtime(), operationId, functionName, cursor)
                    .poll(log, state -> summary.record(state, functionName));
            unavailableLogged = false;
            if (s.status().isFinished()) {
                finish(s);
                return;
            }
        } catch (ClusterDeployException e) {
            if (e.kind() != ErrorKind.UNAVAILABLE) {
                complete(new AbortException(functionName + ": " + e.getMessage()));
                return;
            }
            if (!unavailableLogged) {
                log.println("Cluster Deploy: waiting for the engine: " + e.getMessage());
                unavailableLogged = true;
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "following operation " + operationId + " failed; trying again", e);
        }
        schedule(runtime().pollInterval().toMillis());
    }

    private void finish(OperationState s) {
        releaseGate(null);
        Object result;
        try {
            result = outcome == null ? OperationFollower.outcome(functionName, s)
                    : outcome.finish(functionName, s, getContext());
        } catch (AbortException failure) {
            complete(failure);
            return;
        } catch (Exception | LinkageError e) {
            complete(e);
            return;
        }
        if (done().compareAndSet(false, true)) {
            getContext().onSuccess(result);
        }
    }

    /** Fails the step, once. */
    private void complete(Throwable failure) {
        if (done().compareAndSet(false, true)) {
            releaseGate(failure);
            getContext().onFailure(failure);
        }
    }

    private void releaseGate(Throwable cause) {
        if (validationToken != null) {
            try {
                runtime().validations().release(validationToken, cause);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "releasing the validation gate failed", e);
            }
        }
    }

    @Override
    public void stop(Throwable cause) throws Exception {
        if (!done().compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> t = task;
        if (t != null) {
            t.cancel(false);
        }
        if (operationId != null) {
            String outcome;
            try {
                runtime().operations().cancel(operationId, startedBy, BuildActor.stopReason(cause));
                outcome = "Cluster Deploy: cancelling operation " + operationId
                        + "; the engine stops at its next safe point and rolls back as the request says";
            } catch (ClusterDeployException e) {
                outcome = "Cluster Deploy: could not cancel operation " + operationId + ": " + e.getMessage();
            }
            try {
                getContext().get(TaskListener.class).getLogger().println(outcome);
            } catch (IOException | InterruptedException | RuntimeException e) {
                LOG.log(Level.FINE, outcome, e);
            }
        }
        releaseGate(cause);
        BodyExecution b = body;
        if (b != null) {
            b.cancel(cause);
        }
        getContext().onFailure(cause);
    }

    @Override
    public String getStatus() {
        return operationId == null ? "starting" : "following Cluster Deploy operation " + operationId;
    }

    // ---- the validation body (deployServerGroupWithValidation) --------------------------------------

    /** Called by the engine's operation thread, through the gate, at each percentage of a rolling deploy. */
    @Override
    public void startBody(String opId, String serverGroup, int percentage) throws Exception {
        bodyRunning = percentage;
        getContext().saveState();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CLUSTER_DEPLOY_OPERATION_ID", opId);
        env.put("CLUSTER_DEPLOY_SERVER_GROUP", serverGroup);
        env.put("CLUSTER_DEPLOY_PERCENTAGE", String.valueOf(percentage));
        EnvironmentExpander expander = EnvironmentExpander.merge(getContext().get(EnvironmentExpander.class),
                EnvironmentExpander.constant(env));
        BodyExecution started = getContext().newBodyInvoker()
                .withContext(expander)
                .withCallback(new ValidationBodyCallback(validationToken, percentage, runtime))
                .start();
        synchronized (this) {
            // A body that ended already (it reported before start() returned) is not kept.
            if (bodyRunning != null && bodyRunning == percentage) {
                body = started;
            }
        }
        getContext().saveState();
    }

    /** The body at {@code percentage} reported back. */
    @Override
    public void bodyEnded(int percentage) {
        synchronized (this) {
            if (bodyRunning == null || bodyRunning != percentage) {
                return;
            }
            bodyRunning = null;
            body = null;
        }
        getContext().saveState();
    }
}
