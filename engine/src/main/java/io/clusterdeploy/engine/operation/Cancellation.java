package io.clusterdeploy.engine.operation;

import java.time.Instant;

/**
 * Who asked for an operation's cancel, why, and when. Kept with the operation's state once the cancel is asked for;
 * the first cancel's, since later ones change nothing.
 *
 * @param by     who cancelled, as the front end authenticated them (a Jenkins user or build, a standalone session or
 *               token); null when the caller did not say (the engine's own callers, tests)
 * @param reason why, as the person wrote it; null when not given
 * @param at     when the cancel was asked for
 */
public record Cancellation(String by, String reason, Instant at) {
}
