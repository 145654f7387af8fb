package io.clusterdeploy.engine.operation;

import java.time.Instant;

/**
 * One entry of an operation's timeline.
 *
 * @param name      step name, e.g. {@code waitForHealthy}
 * @param phase     {@code main} or {@code rollback}
 * @param status    RUNNING, SUCCEEDED, FAILED or CANCELLED
 * @param startedAt when it started
 * @param endedAt   when it ended, or null while running
 * @param message   what it did or why it failed
 */
public record StepRecord(String name, String phase, String status, Instant startedAt, Instant endedAt, String message) {

    StepRecord end(String newStatus, Instant at, String newMessage) {
        return new StepRecord(name, phase, newStatus, startedAt, at, newMessage);
    }
}
