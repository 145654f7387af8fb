package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.event.EventKind;
import io.clusterdeploy.engine.event.EventStatus;
import io.clusterdeploy.engine.event.OperationEvent;
import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.CloudProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs operations step by step on background threads, persisting state after every step (and
 * at every checkpoint inside one), so that {@link #resume} can continue an operation in a fresh
 * runner after a crash. A failed or cancelled main phase runs the operation's rollback steps.
 */
public final class OperationRunner implements AutoCloseable {

    /** Tunables; tests shorten the poll interval. */
    public record Options(Clock clock, Duration pollInterval, OperationRetention retention) {
        public Options(Clock clock, Duration pollInterval) {
            this(clock, pollInterval, OperationRetention.DEFAULT);
        }

        public static Options defaults() {
            return new Options(Clock.systemUTC(), Duration.ofMillis(500));
        }
    }

    private final Accounts accounts;
    private final OperationStore store;
    private final OperationParser parser;
    private final Options options;
    private final ExecutorService executor;
    private final Map<String, Execution> running = new ConcurrentHashMap<>();
    private final List<Consumer<OperationState>> listeners = new CopyOnWriteArrayList<>();
    private final ClusterLocks locks = new ClusterLocks();
    private final List<String> skipped = new CopyOnWriteArrayList<>();
    private final List<Consumer<OperationEvent>> eventListeners = new CopyOnWriteArrayList<>();
    private final Json json = new Json();
    /** Bumped by every provider that reports changes; waits wake on it. */
    private final CloudChanges changes = new CloudChanges();
    private final List<AutoCloseable> subscriptions = new ArrayList<>();

    public OperationRunner(Accounts accounts, OperationStore store, OperationParser parser, Options options) {
        this.accounts = accounts;
        this.store = store;
        this.parser = parser;
        this.options = options;
        AtomicInteger n = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "operation-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        for (CloudProvider p : accounts.providers()) {
            subscriptions.add(p.subscribe(changes::changed));
        }
    }

    /** Called with every new state of every operation (on the operation's thread; keep it quick). */
    public void addListener(Consumer<OperationState> listener) {
        listeners.add(listener);
    }

    /** Called with every operation and step event (on the operation's thread; must not block). */
    public void addEventListener(Consumer<OperationEvent> listener) {
        eventListeners.add(listener);
    }

    /**
     * Validates the request completely (fields, account, cloud preflight), stores it and starts
     * it. Bad input throws before anything is stored or changed.
     */
    public OperationState start(Map<String, Object> request) {
        Operation op = parser.parse(request);
        CloudProvider provider = accounts.get(op.target().account());
        op.preflight(provider);
        OperationState state = OperationState.started(UUID.randomUUID().toString(), op, request,
                options.clock().instant());
        // The request is the one part of the state a client makes; the rest is the engine's own and always reads back.
        // Checked alone, before the acceptance's forced write: the whole state's round trip was a few milliseconds of
        // every deploy's start.
        if (Json.depth(request) > Json.MAX_REQUEST_DEPTH || !json.roundTrips(state.request(), Map.class)) {
            // Stored now, it could not be read back: listing and resuming would fail from then on.
            throw ClusterDeployException.invalid("body", "the request cannot be stored as sent (nested more than "
                    + Json.MAX_REQUEST_DEPTH + " levels deep, or holding values JSON cannot keep)");
        }
        locks.enqueue(op.lockKey(state.id()), state.id(), op.failIfBusy());
        if (!op.steps().isEmpty() && state.id().equals(locks.holder(op.lockKey(state.id())))) {
            // Nothing ahead on its cluster: the first step starts at once, so the acceptance records its start too,
            // one forced write fewer before the first step acts. Queued, the step starts when its turn comes.
            state = state.withStepStarted(op.steps().get(0).name(), options.clock().instant());
        }
        launch(state, op, provider, true);
        return state;
    }

    /**
     * Continues a stored, unfinished operation from its last completed step: the one way operations
     * resume, after a crash or a restart, in the standalone server and in Jenkins alike.
     */
    public synchronized OperationState resume(OperationState stored) {
        if (stored.status().isFinished()) {
            return stored;
        }
        if (running.containsKey(stored.id())) {
            throw ClusterDeployException.conflict("id", "operation " + stored.id() + " is already running");
        }
        Operation op = parser.parse(stored.request());
        CloudProvider provider = accounts.get(op.target().account());
        OperationState state = stored.withTarget(op.target()).withInterruptedStepClosed(options.clock().instant());
        locks.enqueue(op.lockKey(state.id()), state.id(), false);
        launch(state, op, provider, stored.steps().isEmpty());
        return state;
    }

    /**
     * The operation's current state, resumed first when it is unfinished and no thread of this runner
     * runs it (a front end following an operation across an engine rebuild).
     *
     * @throws ClusterDeployException NOT_FOUND for an unknown id; the reason it cannot resume otherwise
     */
    public synchronized OperationState ensureRunning(String id) {
        OperationState s = get(id).orElseThrow(
                () -> ClusterDeployException.notFound("id", "unknown operation '" + id + "'"));
        return s.status().isFinished() || running.containsKey(id) ? s : resume(s);
    }

    /**
     * Resumes every unfinished operation in the store; returns how many. One this engine cannot run (its
     * type or account is unknown, its request no longer parses) is set aside in the store, kept but no
     * longer listed, and reported in {@link #notResumed()}; it never stops the others. Files written before
     * operations recorded their target get it now, and finished operations beyond the retention rule go.
     */
    public int resumeAll() {
        upgradeLegacy();
        prune();
        int count = 0;
        for (OperationSummary summary : store.summaries()) {
            if (summary.status().isFinished() || running.containsKey(summary.id())) {
                continue;
            }
            Optional<OperationState> stored = store.load(summary.id());
            if (stored.isEmpty()) {
                continue;
            }
            OperationState s = stored.get();
            try {
                resume(s);
                count++;
            } catch (RuntimeException e) {
                String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                store.setAside(s.id(), "it cannot be resumed: " + why);
                skipped.add("operation " + s.id() + " (" + s.type() + "): " + why + "; set aside");
            }
        }
        return count;
    }

    /** Stored operations without a target (written by 0.1) get it from their request, as resuming would. */
    private void upgradeLegacy() {
        for (OperationSummary summary : store.summaries()) {
            if (summary.target() != null || running.containsKey(summary.id())) {
                continue;
            }
            store.load(summary.id()).ifPresent(s -> {
                try {
                    store.save(s.withTarget(parser.parse(s.request()).target()));
                } catch (RuntimeException e) {
                    // An unknown type or account: resuming sets an unfinished one aside; a finished one stays as it is.
                }
            });
        }
    }

    /** Removes the finished operations the retention rule no longer keeps. */
    public void prune() {
        for (String id : options.retention().toPrune(store.summaries(), options.clock().instant())) {
            if (!running.containsKey(id)) {
                store.delete(id);
            }
        }
    }

    /** Why operations could not be resumed, for the front end to report. */
    public List<String> notResumed() {
        return List.copyOf(skipped);
    }

    /**
     * Runs the operation on its own thread once every earlier operation on its cluster has ended; {@code starting}
     * when nothing of it has run yet (its start is announced).
     */
    private void launch(OperationState state, Operation op, CloudProvider provider, boolean starting) {
        Execution ex = new Execution(state, op, provider, starting);
        running.put(state.id(), ex);
        try {
            // Unforced when its first step started with the acceptance and forces its intent before it acts.
            save(ex, state, !(starting && !state.steps().isEmpty() && op.steps().get(0).recordsBeforeActing()));
            executor.execute(() -> {
                try {
                    locks.awaitTurn(op.lockKey(state.id()), state.id());
                    ex.run();
                } catch (InterruptedException e) {
                    // Closing while queued: the operation stays RUNNING in the store, to be resumed.
                    Thread.currentThread().interrupt();
                } finally {
                    locks.release(op.lockKey(state.id()), state.id());
                    running.remove(state.id());
                }
            });
        } catch (RuntimeException e) {
            locks.release(op.lockKey(state.id()), state.id());
            running.remove(state.id());
            throw e;
        }
    }

    /** The operation currently holding the cluster {@code account/location/cluster}, or null. */
    public String clusterHolder(String lockKey) {
        return locks.holder(lockKey);
    }

    /** True while the operation has a thread in this runner (running or queued for its cluster). */
    public boolean isActive(String id) {
        return running.containsKey(id);
    }

    public Optional<OperationState> get(String id) {
        Execution ex = running.get(id);
        return ex != null ? Optional.of(ex.state.get()) : store.load(id);
    }

    /** Every operation, newest first (reads each stored one: for tests and small stores). */
    public List<OperationState> list() {
        return list(null, Integer.MAX_VALUE);
    }

    /**
     * The newest {@code limit} operations of one application (null: of all), as they are now: from the store's
     * index, reading only the ones returned.
     */
    public List<OperationState> list(String application, int limit) {
        List<OperationState> out = new ArrayList<>();
        for (OperationSummary summary : store.summaries(application, limit)) {
            get(summary.id()).ifPresent(out::add);
        }
        return out;
    }

    /** A cancel that says neither who nor why (the engine's own callers and tests). */
    public OperationState cancel(String id) {
        return cancel(id, null, null);
    }

    /**
     * Asks a running operation to stop at its next safe point and undo what its strategy says, recording who asked
     * ({@code by}, as the front end authenticated them) and why ({@code reason}, checked by the caller); either may be
     * null.
     */
    public OperationState cancel(String id, String by, String reason) {
        Execution ex = running.get(id);
        if (ex == null) {
            OperationState s = store.load(id).orElseThrow(
                    () -> ClusterDeployException.notFound("id", "unknown operation '" + id + "'"));
            throw ClusterDeployException.conflict("id", "operation " + id + " already ended: " + s.status());
        }
        synchronized (ex) {
            // Its thread may still be winding down after the final save.
            OperationState now = ex.state.get();
            if (now.status().isFinished()) {
                throw ClusterDeployException.conflict("id", "operation " + id + " already ended: " + now.status());
            }
            save(ex, now.withCancelRequested(by, reason, options.clock().instant()));
        }
        ex.cancel.cancel();
        return ex.state.get();
    }

    /** Waits for an operation to end (for tests and the CLI). */
    public OperationState awaitFinished(String id, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            OperationState s = get(id).orElseThrow(
                    () -> ClusterDeployException.notFound("id", "unknown operation '" + id + "'"));
            // Finished and no longer running: its listeners (events, the change feed) have heard the end too; the
            // state alone is shown a moment before they are told.
            if (s.status().isFinished() && !running.containsKey(id)) {
                return s;
            }
            if (System.nanoTime() > deadline) {
                return s;
            }
            Thread.sleep(20);
        }
    }

    /** Stops the threads. Unfinished operations stay RUNNING in the store, to be resumed later. */
    @Override
    public void close() {
        for (AutoCloseable s : subscriptions) {
            try {
                s.close();
            } catch (Exception e) {
                // The provider is going away too.
            }
        }
        executor.shutdownNow();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void save(Execution ex, OperationState s) {
        save(ex, s, true);
    }

    /**
     * @param force on disk before it is shown; unforced only for the acceptance of an operation whose first save,
     *              forced, follows before it acts
     */
    private void save(Execution ex, OperationState s, boolean force) {
        // Stored first: whoever sees a state (awaitFinished, the API) must find it in the store too.
        if (force) {
            store.save(s);
        } else {
            store.saveUnforced(s);
        }
        ex.unsaved = false;
        publish(ex, s);
    }

    /**
     * Shows a state without storing it: only the end of a step that changes nothing ({@link OperationStep#changesNothing})
     * followed by the next step's start, which the next save stores with whatever that step records. A crash before
     * then resumes at the step that changes nothing, which runs again. A step that waits before it records anything
     * stores it when its wait first blocks.
     */
    private void publish(Execution ex, OperationState s) {
        ex.state.set(s);
        for (Consumer<OperationState> l : listeners) {
            try {
                l.accept(s);
            } catch (RuntimeException ignored) {
                // A listener's failure must never stop a deploy.
            }
        }
    }

    private final class Execution {
        final AtomicReference<OperationState> state;
        final Operation op;
        final CloudProvider provider;
        final CancelSignal cancel = new CancelSignal(changes);
        final boolean starting;
        /** The state shown is newer than the one stored (guarded by this). */
        boolean unsaved;

        Execution(OperationState initial, Operation op, CloudProvider provider, boolean starting) {
            this.state = new AtomicReference<>(initial);
            this.op = op;
            this.provider = provider;
            this.starting = starting;
            if (initial.cancelRequested()) {
                cancel.cancel();
            }
        }

        private Instant now() {
            return options.clock().instant();
        }

        private void emit(EventKind kind, EventStatus status, String step, String message) {
            OperationState s = state.get();
            OperationEvent event = new OperationEvent(kind, status, s.id(), s.type(), op.target().account(),
                    op.target().cluster(), step, s.phase().id(), message, s.context(), now());
            for (Consumer<OperationEvent> l : eventListeners) {
                try {
                    l.accept(event);
                } catch (RuntimeException ignored) {
                    // A listener's failure must never stop a deploy.
                }
            }
        }

        void run() {
            try {
                if (starting) {
                    emit(EventKind.OPERATION, EventStatus.STARTING, null, null);
                }
                if (state.get().phase() == Phase.MAIN) {
                    Throwable failure = runPhase(op.steps(), cancel, true);
                    if (failure == null) {
                        if (state.get().status().isFinished()) {
                            announceFinished(OperationStatus.SUCCEEDED, null); // saved with the last step's end
                        } else {
                            finish(OperationStatus.SUCCEEDED, null); // no step was left to run (a resume)
                        }
                        return;
                    }
                    synchronized (this) {
                        save(this, state.get().withRollbackPhase(ErrorInfo.of(failure, state.get().cancellation()), now()));
                    }
                }
                // Rollback ignores cancellation: once undoing, finish undoing.
                Throwable rollbackFailure = runPhase(op.rollbackSteps(), new CancelSignal(changes), false);
                OperationState s = state.get();
                ErrorInfo cause = s.error();
                if (rollbackFailure != null) {
                    cause = new ErrorInfo(cause == null ? "INTERNAL" : cause.kind(), cause == null ? null : cause.field(),
                            (cause == null ? "" : cause.message() + "; ")
                                    + "rollback failed too: " + rollbackFailure.getMessage());
                }
                finish(s.cancelRequested() && rollbackFailure == null && isCancel(cause)
                        ? OperationStatus.CANCELLED : OperationStatus.FAILED, cause);
            } catch (InterruptedException e) {
                // The runner is closing: leave the state as RUNNING so that it can be resumed.
                Thread.currentThread().interrupt();
            }
        }

        private boolean isCancel(ErrorInfo cause) {
            return cause != null && "CANCELLED".equals(cause.kind());
        }

        private void finish(OperationStatus status, ErrorInfo error) {
            synchronized (this) {
                save(this, state.get().finished(status, error, now()));
            }
            announceFinished(status, error);
        }

        /** What follows the save of a finished state: retention, then the operation's last event. */
        private void announceFinished(OperationStatus status, ErrorInfo error) {
            try {
                prune();
            } catch (RuntimeException e) {
                // Keeping an old operation longer must never fail this one.
            }
            emit(EventKind.OPERATION, status == OperationStatus.SUCCEEDED ? EventStatus.COMPLETE : EventStatus.FAILED, null,
                    error == null ? status.name() : status.name() + ": " + error.message());
        }

        /**
         * Runs the steps of the current phase from {@code nextStep}; returns the failure, or null. With
         * {@code succeedAtEnd} the last step's end is saved as the operation's success, in the same write.
         */
        private Throwable runPhase(List<OperationStep> steps, CancelSignal signal, boolean succeedAtEnd)
                throws InterruptedException {
            // Only the acceptance leaves a step running (it recorded the first one's start): a resume closes the
            // step a crash interrupted, and a phase begins after the previous one's last step ended.
            List<StepRecord> timeline = state.get().steps();
            boolean startSaved = !timeline.isEmpty() && timeline.get(timeline.size() - 1).status() == StepStatus.RUNNING;
            while (state.get().nextStep() < steps.size()) {
                OperationStep step = steps.get(state.get().nextStep());
                if (!startSaved) {
                    synchronized (this) {
                        save(this, state.get().withStepStarted(step.name(), now()));
                    }
                }
                emit(EventKind.STEP, EventStatus.STARTING, step.name(), null);
                OperationContext ctx = new OperationContext(state.get().id(), provider, state.get().context(),
                        new OperationContext.Checkpointer() {
                            @Override
                            public void checkpoint(Map<String, Object> context) {
                                synchronized (Execution.this) {
                                    save(Execution.this, state.get().withContext(context, now()));
                                }
                            }

                            @Override
                            public void beforeBlocking() {
                                synchronized (Execution.this) {
                                    if (unsaved) {
                                        save(Execution.this, state.get());
                                    }
                                }
                            }
                        },
                        signal, options.clock(), options.pollInterval());
                try {
                    if (state.get().phase() == Phase.MAIN) {
                        ctx.checkCancelled();
                    }
                    String message = step.run(ctx);
                    synchronized (this) {
                        OperationState ended = state.get().withContext(ctx.snapshot(), now())
                                .withStepEnded(StepStatus.SUCCEEDED, message, true, now());
                        // One forced write for a step's end and the next one's start: a crash between the two
                        // writes would have resumed at the next step all the same (an interrupted step runs again).
                        startSaved = ended.nextStep() < steps.size();
                        OperationState next = startSaved ? ended.withStepStarted(steps.get(ended.nextStep()).name(), now())
                                : succeedAtEnd ? ended.finished(OperationStatus.SUCCEEDED, null, now()) : ended;
                        if (startSaved && step.changesNothing()) {
                            // No write of its own: the next step's first save (its intent, or its end) stores this too.
                            unsaved = true;
                            publish(this, next);
                        } else {
                            save(this, next);
                        }
                    }
                    emit(EventKind.STEP, EventStatus.COMPLETE, step.name(), message);
                } catch (InterruptedException e) {
                    throw e;
                } catch (OperationCancelledException e) {
                    synchronized (this) {
                        save(this, state.get().withContext(ctx.snapshot(), now())
                                .withStepEnded(StepStatus.CANCELLED, "cancelled", false, now()));
                    }
                    emit(EventKind.STEP, EventStatus.FAILED, step.name(), "cancelled");
                    return e;
                } catch (RuntimeException e) {
                    synchronized (this) {
                        save(this, state.get().withContext(ctx.snapshot(), now())
                                .withStepEnded(StepStatus.FAILED, e.getMessage(), false, now()));
                    }
                    emit(EventKind.STEP, EventStatus.FAILED, step.name(), e.getMessage());
                    return e;
                }
            }
            return null;
        }
    }
}
