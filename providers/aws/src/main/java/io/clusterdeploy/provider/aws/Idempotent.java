package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * A mutating AWS call whose answer can be lost. AWS may have done the work of an attempt whose answer never came
 * back; the SDK then retries, and the retry finds the work done and is refused (a duplicate name, a target no longer
 * registered, a template already gone), each service, and moto, in its own words: moto answers a DeleteLaunchTemplate
 * of a name it no longer has with {@code MissingParameter}. So a failed mutation is never judged by its error code:
 * the state is read back, and when it already is what the call wanted, the call has succeeded. Only a refusal of the
 * caller (credentials, permissions) skips the read-back: nothing was done, and the read would be refused too.
 */
final class Idempotent {
    private static final Logger LOG = LoggerFactory.getLogger(Idempotent.class);

    private Idempotent() {
    }

    /**
     * {@code call}'s result; when it fails, {@code readBack}'s, if that finds the change in place.
     *
     * @param readBack the result the call would have given, read from AWS, or empty when the change is not in place
     */
    static <T> T call(AwsErrors errors, String what, Supplier<T> call, Supplier<Optional<T>> readBack) {
        try {
            return call.get();
        } catch (SdkException e) {
            if (refusedCaller(e)) {
                throw errors.translate(what, e);
            }
            Optional<T> done;
            try {
                done = readBack.get();
            } catch (SdkException | ClusterDeployException readFailed) {
                e.addSuppressed(readFailed);
                throw errors.translate(what, e);
            }
            if (done.isEmpty()) {
                throw errors.translate(what, e);
            }
            LOG.info("{}: AWS answered {}, but the change is in place (an earlier attempt whose answer was lost did it)",
                    what, e instanceof AwsServiceException s ? AwsErrors.code(s) : e.getClass().getSimpleName());
            return done.get();
        }
    }

    /** {@code call}, counted as done when it fails but {@code done} reads the change in place. */
    static void run(AwsErrors errors, String what, Runnable call, BooleanSupplier done) {
        call(errors, what, () -> {
            call.run();
            return Boolean.TRUE;
        }, () -> done.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    /**
     * A create a blind retry could make twice, sent with a client without SDK retries ({@code call}); before every
     * further attempt the state is read back, and what the lost attempt made is returned instead of made again.
     * Attempts and backoff (full jitter) follow the account's retry settings; a read that fails is itself retried
     * before anything is sent again. A refusal is judged by the read-back, as in {@link #call}.
     */
    static <T> T createOnce(AwsErrors errors, RetrySettings retries, String what, Supplier<T> call,
                            Supplier<Optional<T>> readBack) {
        SdkException last = null;
        boolean maybeDone = false;
        for (int attempt = 1; attempt <= retries.maxAttempts(); attempt++) {
            if (attempt > 1) {
                sleep(backoff(retries, attempt, last));
            }
            if (maybeDone) {
                try {
                    Optional<T> found = readBack.get();
                    if (found.isPresent()) {
                        LOG.info("{}: found what an earlier attempt whose answer was lost created", what);
                        return found.get();
                    }
                    maybeDone = false;
                } catch (SdkException readFailed) {
                    last = readFailed;
                    continue;
                }
            }
            try {
                return call.get();
            } catch (SdkException e) {
                if (!RetryPolicy.isRetryable(e)) {
                    return call(errors, what, () -> {
                        throw e;
                    }, readBack);
                }
                last = e;
                maybeDone = true;
            }
        }
        if (maybeDone) {
            try {
                Optional<T> found = readBack.get();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (SdkException readFailed) {
                last.addSuppressed(readFailed);
            }
        }
        throw errors.translate(what, last);
    }

    private static long backoff(RetrySettings retries, int attempt, SdkException last) {
        long base = (RetryPolicy.isThrottling(last) ? retries.throttlingBase() : retries.baseDelay()).toMillis();
        long bound = Math.min(retries.maxDelay().toMillis(), base << Math.min(20, attempt - 2));
        return java.util.concurrent.ThreadLocalRandom.current().nextLong(bound + 1);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterDeployException(io.clusterdeploy.engine.error.ErrorKind.UNAVAILABLE, null,
                    "interrupted while retrying an AWS call");
        }
    }

    private static boolean refusedCaller(SdkException e) {
        if (!(e instanceof AwsServiceException s)) {
            return false;
        }
        String code = AwsErrors.code(s);
        return AwsErrors.CREDENTIAL_CODES.contains(code) || AwsErrors.DENIED_CODES.contains(code)
                || code.isEmpty() && (s.statusCode() == 401 || s.statusCode() == 403);
    }
}
