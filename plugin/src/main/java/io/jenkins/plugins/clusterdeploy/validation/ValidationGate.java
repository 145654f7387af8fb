package io.jenkins.plugins.clusterdeploy.validation;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where a rolling red/black's operation thread and its step's validation body meet, for one deploy: the engine
 * asks for the body at a percentage and waits; the body's callback reports back. A percentage is asked for at
 * most once, so an operation resumed after a restart does not run a body again that already ran (or still runs).
 */
public final class ValidationGate {
    private final Map<Integer, CompletableFuture<Void>> results = new ConcurrentHashMap<>();
    private volatile BodyStarter starter;
    private volatile String operationId;

    /** Set by the step execution (again after a restart). */
    void attach(BodyStarter starter) {
        this.starter = starter;
    }

    /** The one operation whose validation this gate runs, known once the engine accepted it. */
    void bind(String operationId) {
        this.operationId = operationId;
    }

    boolean isReady() {
        return starter != null && operationId != null;
    }

    String operationId() {
        return operationId;
    }

    /** The result of the body at {@code percentage}, starting it unless it ran or runs already. */
    CompletableFuture<Void> request(String operationId, String serverGroup, int percentage) {
        CompletableFuture<Void> mine = new CompletableFuture<>();
        CompletableFuture<Void> existing = results.putIfAbsent(percentage, mine);
        if (existing != null) {
            return existing;
        }
        BodyStarter s = starter;
        if (s == null) {
            mine.completeExceptionally(new IllegalStateException("no Pipeline step is attached to run the body"));
            return mine;
        }
        try {
            s.startBody(operationId, serverGroup, percentage);
        } catch (Exception e) {
            mine.completeExceptionally(e);
        }
        return mine;
    }

    /** A body that was already running when Jenkins restarted: its result will come, do not start it again. */
    void expect(int percentage) {
        results.computeIfAbsent(percentage, p -> new CompletableFuture<>());
    }

    /** The body at {@code percentage} ended; {@code failure} null means it passed. */
    void finished(int percentage, Throwable failure) {
        BodyStarter s = starter;
        if (s != null) {
            s.bodyEnded(percentage);
        }
        CompletableFuture<Void> f = results.computeIfAbsent(percentage, p -> new CompletableFuture<>());
        if (failure == null) {
            f.complete(null);
        } else {
            f.completeExceptionally(failure);
        }
    }

    /** Fails every body still awaited (the step was stopped). */
    void abandon(Throwable cause) {
        results.values().forEach(f -> f.completeExceptionally(cause));
    }
}
