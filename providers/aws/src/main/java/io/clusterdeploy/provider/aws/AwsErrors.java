package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns what the SDK throws into the engine's errors: refused credentials name the account's credentials, an
 * exhausted retry budget is UNAVAILABLE, anything else the cloud refused is a CONFLICT with AWS's own code. The
 * SDK's messages carry no secrets (request ids, codes and texts only).
 */
final class AwsErrors {
    static final Set<String> CREDENTIAL_CODES = Set.of("InvalidClientTokenId", "SignatureDoesNotMatch", "AuthFailure",
            "UnrecognizedClientException", "ExpiredToken", "ExpiredTokenException", "InvalidAccessKeyId",
            "MissingAuthenticationToken", "IncompleteSignature");
    static final Set<String> DENIED_CODES = Set.of("AccessDenied", "AccessDeniedException", "UnauthorizedOperation");

    private final String account;

    AwsErrors(String account) {
        this.account = account;
    }

    <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            throw translate(what, e);
        }
    }

    void run(String what, Runnable call) {
        call(what, () -> {
            call.run();
            return null;
        });
    }

    ClusterDeployException translate(String what, SdkException e) {
        String field = "accounts[" + account + "].credentials";
        if (e instanceof AwsServiceException s) {
            String code = code(s);
            String text = s.awsErrorDetails() != null && s.awsErrorDetails().errorMessage() != null
                    ? s.awsErrorDetails().errorMessage() : s.getMessage();
            if (CREDENTIAL_CODES.contains(code) || code.isEmpty() && s.statusCode() == 401) {
                return new ClusterDeployException(ErrorKind.INVALID_INPUT, field, what + ": AWS refused the credentials"
                        + " of account '" + account + "' (" + code + "): " + text, e);
            }
            if (DENIED_CODES.contains(code) || code.isEmpty() && s.statusCode() == 403) {
                return new ClusterDeployException(ErrorKind.INVALID_INPUT, field, what + ": account '" + account
                        + "' is not allowed to do this (" + code + "); see the IAM policy in docs/aws.md: " + text, e);
            }
            if (RetryPolicy.isRetryable(s)) {
                return new ClusterDeployException(ErrorKind.UNAVAILABLE, null, what + ": AWS kept failing after "
                        + "the retries (" + code + ", HTTP " + s.statusCode() + "): " + text, e);
            }
            return new ClusterDeployException(ErrorKind.CONFLICT, null, what + ": AWS refused (" + code + "): " + text, e);
        }
        if (e instanceof SdkClientException && e.getMessage() != null && e.getMessage().contains("credentials")) {
            return new ClusterDeployException(ErrorKind.INVALID_INPUT, field, what + ": no usable AWS credentials for"
                    + " account '" + account + "': " + e.getMessage(), e);
        }
        return new ClusterDeployException(ErrorKind.UNAVAILABLE, null, what + ": AWS could not be reached: "
                + e.getMessage(), e);
    }

    private static final java.util.regex.Pattern RAW_CODE = java.util.regex.Pattern.compile("<Code>([^<]+)</Code>");

    /**
     * AWS's error code, or "" when there is none. Where the SDK found none in a body that has one (an error document
     * shaped unlike the service's usual one, as moto's authorization errors are), the body's first Code.
     */
    static String code(AwsServiceException e) {
        if (e.awsErrorDetails() == null) {
            return "";
        }
        String code = e.awsErrorDetails().errorCode();
        if (code != null && !code.isEmpty()) {
            return code;
        }
        var raw = e.awsErrorDetails().rawResponse();
        if (raw != null) {
            java.util.regex.Matcher m = RAW_CODE.matcher(raw.asUtf8String());
            if (m.find()) {
                return m.group(1);
            }
        }
        return "";
    }

    static boolean hasCode(Throwable t, String... codes) {
        if (t instanceof AwsServiceException e) {
            String code = code(e);
            for (String c : codes) {
                if (c.equals(code)) {
                    return true;
                }
            }
        }
        return false;
    }
}
