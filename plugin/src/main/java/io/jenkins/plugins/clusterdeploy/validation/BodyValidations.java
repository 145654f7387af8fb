package io.jenkins.plugins.clusterdeploy.validation;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The validation gates of the running deploys, by the token a step puts into its request
 * ({@code validation: {"body": TOKEN}}). Outlives engine rebuilds, so a gate survives a configuration change;
 * after a Jenkins restart the resumed step execution attaches again under the same token.
 */
public final class BodyValidations {
    private final Map<String, ValidationGate> gates = new ConcurrentHashMap<>();
    private final Duration attachTimeout;

    /** @param attachTimeout how long a resumed operation waits for its step to attach its body again */
    public BodyValidations(Duration attachTimeout) {
        this.attachTimeout = attachTimeout;
    }

    /**
     * Attaches the step's body under {@code token}; {@code operationId} is the deploy it validates, or null until
     * the engine accepted it (then {@link #bind}). Returns the gate (new, or kept from before a rebuild).
     */
    public synchronized ValidationGate attach(String token, String operationId, BodyStarter starter) {
        ValidationGate gate = gates.computeIfAbsent(token, t -> new ValidationGate());
        gate.attach(starter);
        if (operationId != null) {
            gate.bind(operationId);
        }
        notifyAll();
        return gate;
    }

    /** Ties the gate to the operation the engine accepted: no other operation can run this body. */
    public synchronized void bind(String token, String operationId) {
        gates.computeIfAbsent(token, t -> new ValidationGate()).bind(operationId);
        notifyAll();
    }

    /** Marks the body at {@code percentage} as running already (called on resume, before attaching). */
    public void expect(String token, int percentage) {
        gates.computeIfAbsent(token, t -> new ValidationGate()).expect(percentage);
    }

    /** The body's callback: the body at {@code percentage} ended, {@code failure} null meaning it passed. */
    public void finished(String token, int percentage, Throwable failure) {
        gates.computeIfAbsent(token, t -> new ValidationGate()).finished(percentage, failure);
    }

    /** The step is done with its gate (the deploy ended, or the step was stopped). */
    public void release(String token, Throwable cause) {
        ValidationGate gate = gates.remove(token);
        if (gate != null && cause != null) {
            gate.abandon(cause);
        }
    }

    /** The attached, bound gate of {@code token}, waiting up to the attach timeout; empty when nobody attached. */
    Optional<ValidationGate> awaitAttached(String token) throws InterruptedException {
        long deadline = System.nanoTime() + attachTimeout.toNanos();
        synchronized (this) {
            while (true) {
                ValidationGate gate = gates.get(token);
                if (gate != null && gate.isReady()) {
                    return Optional.of(gate);
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return Optional.empty();
                }
                wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
