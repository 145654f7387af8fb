package io.clusterdeploy.engine.operation;

import java.time.Instant;

/**
 * One entry of an operation's timeline.
 *
 * @param name      step name, e.g. {@code waitForHealthy}
 * @param phase     the phase it ran in
 * @param status    where it stands
 * @param startedAt when it started
 * @param endedAt   when it ended, or null while running
 * @param message   what it did or why it failed
 */
public record StepRecord(String name, Phase phase, StepStatus status, Instant startedAt, Instant endedAt, String message) {

    StepRecord end(StepStatus newStatus, Instant at, String newMessage) {
        return new StepRecord(name, phase, newStatus, startedAt, at, newMessage);
    }
}
