package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.json.Fields;
import java.time.Duration;

/**
 * How AWS calls are retried: how many attempts in all, and the bounds of the jittered exponential backoff
 * between them (a separate, longer one for throttling). Which errors are retried is fixed in {@link RetryPolicy}.
 *
 * @param maxAttempts       attempts per call, the first included (1 = no retry)
 * @param baseDelay         first backoff bound; doubles per attempt, with full jitter
 * @param maxDelay          largest backoff between two attempts
 * @param throttlingBase    first backoff bound after a throttling error
 * @param attemptTimeout    how long one attempt may take before it counts as a failed (retryable) attempt
 */
public record RetrySettings(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration throttlingBase,
                            Duration attemptTimeout) {
    static final String KEY = "retries";

    public static final RetrySettings DEFAULTS = new RetrySettings(5, Duration.ofMillis(100), Duration.ofSeconds(20),
            Duration.ofMillis(500), Duration.ofSeconds(30));

    static RetrySettings parse(Fields account) {
        Fields f = account.object(KEY);
        int attempts = f.optionalInt("maxAttempts", DEFAULTS.maxAttempts, 1, 20);
        int base = f.optionalInt("baseDelayMillis", (int) DEFAULTS.baseDelay.toMillis(), 1, 60_000);
        int max = f.optionalInt("maxDelayMillis", (int) DEFAULTS.maxDelay.toMillis(), 1, 300_000);
        int throttling = f.optionalInt("throttlingBaseDelayMillis", (int) DEFAULTS.throttlingBase.toMillis(), 1, 60_000);
        int timeout = f.optionalInt("attemptTimeoutSeconds", (int) DEFAULTS.attemptTimeout.toSeconds(), 1, 600);
        f.rejectUnknown();
        if (max < base) {
            throw io.clusterdeploy.engine.error.ClusterDeployException.invalid(f.path("maxDelayMillis"),
                    f.path("maxDelayMillis") + " (" + max + ") must be at least baseDelayMillis (" + base + ")");
        }
        return new RetrySettings(attempts, Duration.ofMillis(base), Duration.ofMillis(max), Duration.ofMillis(throttling),
                Duration.ofSeconds(timeout));
    }
}
