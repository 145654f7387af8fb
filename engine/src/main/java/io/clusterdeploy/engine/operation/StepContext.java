package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.provider.CloudProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What a running step sees: the account's provider, the operation's persisted context, and
 * cancellable waits. Values put into the context are persisted with {@link #checkpoint()} so a
 * step can record its intent (the name it is about to create) before it acts.
 */
public final class StepContext {
    /** Persists the state; supplied by the runner. */
    interface Checkpointer {
        void checkpoint(Map<String, Object> context);
    }

    private final String operationId;
    private final CloudProvider provider;
    private final Map<String, Object> context;
    private final Checkpointer checkpointer;
    private final CancelSignal cancel;
    private final Clock clock;
    private final Duration pollInterval;

    StepContext(String operationId, CloudProvider provider, Map<String, Object> context,
                Checkpointer checkpointer, CancelSignal cancel, Clock clock, Duration pollInterval) {
        this.operationId = operationId;
        this.provider = provider;
        this.context = new LinkedHashMap<>(context);
        this.checkpointer = checkpointer;
        this.cancel = cancel;
        this.clock = clock;
        this.pollInterval = pollInterval;
    }

    public String operationId() {
        return operationId;
    }

    public CloudProvider provider() {
        return provider;
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

    /** Sets a context value (plain JSON-compatible data only). Persisted at the next checkpoint. */
    public void put(String key, Object value) {
        context.put(key, value);
    }

    /** Adds a name to a list in the context and persists it at once, so a crash cannot lose it. */
    public void append(String key, String name) {
        List<Object> list = new java.util.ArrayList<>(getList(key));
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
        List<Object> list = new java.util.ArrayList<>(getList(key));
        for (String n : names) {
            if (!list.contains(n)) {
                list.add(n);
            }
        }
        context.put(key, list);
        checkpoint();
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
        Instant end = clock.instant().plus(d);
        while (true) {
            checkCancelled();
            Duration left = Duration.between(clock.instant(), end);
            if (left.isNegative() || left.isZero()) {
                return;
            }
            cancel.await(left.compareTo(pollInterval) < 0 ? left : pollInterval);
        }
    }

    /**
     * Polls {@code condition} until it holds; fails after {@code timeout} with a message built by
     * {@code describe} (so the error says how far it got, e.g. "1/3 instances up").
     */
    public void waitUntil(Duration timeout, BooleanSupplier condition, java.util.function.Supplier<String> describe)
            throws InterruptedException {
        Instant deadline = clock.instant().plus(timeout);
        while (true) {
            checkCancelled();
            if (condition.getAsBoolean()) {
                return;
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new ClusterDeployException(ErrorKind.CONFLICT, null,
                        "timed out after " + timeout.toSeconds() + "s: " + describe.get());
            }
            cancel.await(pollInterval);
        }
    }
}
