package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.provider.CloudProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What a running step sees: the account's provider, the operation's persisted context, and
 * cancellable waits. Values put into the context are persisted with {@link #checkpoint()} so a
 * step can record its intent (the name it is about to create) before it acts.
 *
 * <p>When an operation is planned rather than run, its steps run unchanged against a simulated cloud
 * and a context made by {@link #forPlanning}: waits and delays return at once and are reported to a
 * {@link PlanListener} with the preconditions ({@link #require}) and external calls ({@link #call}), so
 * the plan comes from the very code that runs the operation.
 */
public final class OperationContext {
    /** Persists the state; supplied by the runner. */
    interface Checkpointer {
        void checkpoint(Map<String, Object> context);

        /**
         * Called when a wait is about to block: stores what the runner shows but has not stored yet (the end of a
         * step that changes nothing), at a moment when a write delays nothing that waits for it.
         */
        default void beforeBlocking() {
        }
    }

    /** What planning reports besides the cloud changes the simulated provider records. */
    public interface PlanListener {
        /**
         * A wait that a run polls until it holds, for at most {@code timeout}. A plan passes it at once: the
         * simulated cloud's new instances are healthy, so {@code condition} says what it found there.
         */
        void waitsFor(String condition, Duration timeout);

        /** A fixed delay. */
        void delays(Duration duration);

        /** A precondition checked right before acting, and whether it held in the plan. */
        void requires(String condition, boolean holds);

        /** A call outside the cloud (a validation hook) that a run makes and a plan does not. */
        void calls(String what);
    }

    private final String operationId;
    private final CloudProvider provider;
    private final Map<String, Object> context;
    private final Checkpointer checkpointer;
    private final CancelSignal cancel;
    private final Clock clock;
    private final Duration pollInterval;
    private final PlanListener planListener;

    OperationContext(String operationId, CloudProvider provider, Map<String, Object> context,
                     Checkpointer checkpointer, CancelSignal cancel, Clock clock, Duration pollInterval) {
        this(operationId, provider, context, checkpointer, cancel, clock, pollInterval, null);
    }

    private OperationContext(String operationId, CloudProvider provider, Map<String, Object> context,
                             Checkpointer checkpointer, CancelSignal cancel, Clock clock, Duration pollInterval,
                             PlanListener planListener) {
        this.operationId = operationId;
        this.provider = provider;
        this.context = new LinkedHashMap<>(context);
        this.checkpointer = checkpointer;
        this.cancel = cancel;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.planListener = planListener;
    }

    /**
     * A context for planning: {@code provider} is a simulated cloud, nothing is persisted, waits and
     * delays end at once, and what they would wait for goes to {@code listener}. One context serves every
     * step of the plan, as the persisted context serves every step of a run.
     */
    public static OperationContext forPlanning(String operationId, CloudProvider provider, Clock clock,
                                               PlanListener listener) {
        return new OperationContext(operationId, provider, Map.of(), context -> { }, new CancelSignal(), clock,
                Duration.ZERO, listener);
    }

    public String operationId() {
        return operationId;
    }

    public CloudProvider provider() {
        return provider;
    }

    /** True when the steps run against a simulated cloud to make a plan. */
    public boolean planning() {
        return planListener != null;
    }

    public Object get(String key) {
        return context.get(key);
    }

    public String getString(String key) {
        Object v = context.get(key);
        return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    public List<Object> getList(String key) {
        Object v = context.get(key);
        return v instanceof List<?> l ? (List<Object>) l : List.of();
    }

    /** The names stored under {@code key}. */
    public List<String> names(String key) {
        return getList(key).stream().map(String::valueOf).toList();
    }

    /** Sets a context value (plain JSON-compatible data only). Persisted at the next checkpoint. */
    public void put(String key, Object value) {
        context.put(key, value);
    }

    /** Adds a name to a list in the context and persists it at once, so a crash cannot lose it. */
    public void append(String key, String name) {
        List<Object> list = new ArrayList<>(getList(key));
        if (!list.contains(name)) {
            list.add(name);
        }
        context.put(key, list);
        checkpoint();
    }

    /**
     * Records the names a step is about to act on, before it acts, and returns every name recorded
     * under {@code key} so far: a step resumed after a crash then finishes what it planned even
     * where the cloud no longer shows it as still to do.
     */
    public List<String> plan(String key, List<String> names) {
        List<String> all = record(key, names);
        checkpoint();
        return all;
    }

    /**
     * Adds the names to the list under {@code key} (each once) and returns every name in it, persisted at the next
     * checkpoint: for names a resumed step finds again from what was forced to disk earlier.
     */
    public List<String> record(String key, List<String> names) {
        List<Object> list = new ArrayList<>(getList(key));
        for (String n : names) {
            if (!list.contains(n)) {
                list.add(n);
            }
        }
        context.put(key, list);
        return list.stream().map(String::valueOf).toList();
    }

    /** Persists the context now. */
    public void checkpoint() {
        checkpointer.checkpoint(Map.copyOf(context));
    }

    Map<String, Object> snapshot() {
        return new LinkedHashMap<>(context);
    }

    public Instant now() {
        return clock.instant();
    }

    /** Throws at a safe point when the operation was cancelled. */
    public void checkCancelled() {
        if (cancel.isCancelled()) {
            throw new OperationCancelledException();
        }
    }

    /** Sleeps, waking early (with an exception) when cancelled. */
    public void sleep(Duration d) throws InterruptedException {
        if (planning()) {
            planListener.delays(d);
            return;
        }
        Instant end = clock.instant().plus(d);
        boolean blocked = false;
        while (true) {
            checkCancelled();
            Duration left = Duration.between(clock.instant(), end);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            if (!blocked) {
                blocked = true;
                checkpointer.beforeBlocking();
                continue; // the write took some of the delay
            }
            cancel.await(left.compareTo(pollInterval) < 0 ? left : pollInterval);
        }
    }

    /**
     * Polls {@code condition} until it holds; fails after {@code timeout} with a message built by
     * {@code describe} (so the error says how far it got, e.g. "1/3 instances up").
     */
    public void waitUntil(Duration timeout, BooleanSupplier condition, Supplier<String> describe)
            throws InterruptedException {
        if (planning()) {
            condition.getAsBoolean(); // reads the simulated cloud, as describe reports it
            planListener.waitsFor(describe.get(), timeout);
            return;
        }
        Instant deadline = clock.instant().plus(timeout);
        boolean blocked = false;
        while (true) {
            checkCancelled();
            long seen = cancel.generation(); // read before the check, so no change between the two is missed
            if (condition.getAsBoolean()) {
                return;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new ClusterDeployException(ErrorKind.CONFLICT, null,
                        "timed out after " + timeout.toSeconds() + "s: " + describe.get());
            }
            if (!blocked) {
                blocked = true;
                checkpointer.beforeBlocking();
                continue; // the condition may hold by now
            }
            // A provider that reports changes wakes this at once; the poll interval bounds the wait for the others.
            cancel.awaitChange(seen, pollInterval);
        }
    }

    /**
     * A precondition checked right before acting (the health gate before traffic moves): CONFLICT with
     * {@code refusal} when it does not hold. Plans show every such check and its verdict.
     */
    public void require(String condition, boolean holds, Supplier<String> refusal) {
        if (planning()) {
            planListener.requires(condition, holds);
        }
        if (!holds) {
            throw ClusterDeployException.conflict(null, refusal.get());
        }
    }

    /** A call that leaves the cloud (a validation hook); a plan reports it instead of making it. */
    public void call(String what, Call call) throws Exception {
        if (planning()) {
            planListener.calls(what);
            return;
        }
        call.run();
    }

    /** A call outside the cloud. */
    @FunctionalInterface
    public interface Call {
        void run() throws Exception;
    }
}
