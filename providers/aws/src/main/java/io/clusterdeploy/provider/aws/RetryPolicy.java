package io.clusterdeploy.provider.aws;

import java.io.IOException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/**
 * The one retry policy of every AWS client, stated explicitly instead of left to the SDK's defaults: throttling
 * errors, 5xx answers, timed-out attempts and broken connections are retried with bounded, jittered exponential
 * backoff; everything else (bad input, missing resources, refused credentials) fails at once. After the last
 * attempt the error goes up to the operation, whose rollback rules apply.
 */
final class RetryPolicy {
    /** Error codes AWS uses for throttling across EC2, Auto Scaling, ELBv2 and STS. */
    static final Set<String> THROTTLING_CODES = Set.of("Throttling", "ThrottlingException", "ThrottledException",
            "RequestThrottledException", "TooManyRequestsException", "ProvisionedThroughputExceededException",
            "TransactionInProgressException", "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException",
            "RequestThrottled", "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException");

    /** Error codes of transient server-side failures that may come with a 4xx status. */
    static final Set<String> TRANSIENT_CODES = Set.of("InternalError", "InternalFailure", "ServiceUnavailable",
            "Unavailable", "RequestTimeout", "RequestTimeoutException", "IDPCommunicationError");

    private RetryPolicy() {
    }

    static RetryStrategy strategy(RetrySettings settings) {
        return StandardRetryStrategy.builder()
                .useClientDefaults(false)
                .maxAttempts(settings.maxAttempts())
                .retryOnException(RetryPolicy::isRetryable)
                .treatAsThrottling(RetryPolicy::isThrottling)
                .backoffStrategy(BackoffStrategy.exponentialDelay(settings.baseDelay(), settings.maxDelay()))
                .throttlingBackoffStrategy(BackoffStrategy.exponentialDelay(settings.throttlingBase(), settings.maxDelay()))
                .build();
    }

    static boolean isThrottling(Throwable t) {
        return t instanceof AwsServiceException e && (e.statusCode() == 429 || THROTTLING_CODES.contains(code(e)));
    }

    private static String code(AwsServiceException e) {
        return AwsErrors.code(e);
    }

    static boolean isRetryable(Throwable t) {
        if (isThrottling(t)) {
            return true;
        }
        if (t instanceof AwsServiceException e) {
            int status = e.statusCode();
            return status == 500 || status == 502 || status == 503 || status == 504 || TRANSIENT_CODES.contains(code(e));
        }
        if (t instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        if (t instanceof SdkClientException) {
            // A connection refused, reset or closed before the answer: the request may not have arrived.
            for (Throwable c = t.getCause(); c != null; c = c.getCause()) {
                if (c instanceof IOException) {
                    return true;
                }
            }
        }
        return false;
    }
}
