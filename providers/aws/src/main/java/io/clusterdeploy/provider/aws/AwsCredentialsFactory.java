package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.provider.SecretResolver;
import java.util.Arrays;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Builds the credentials provider of an account: its base credentials, and on top the assumed role if any. The
 * secrets resolved here go straight into the SDK's credentials objects and nowhere else.
 */
final class AwsCredentialsFactory {
    private AwsCredentialsFactory() {
    }

    /** The base credentials (no role). */
    static AwsCredentialsProvider base(String accountName, CredentialsSource source, SecretResolver secrets) {
        String at = "accounts[" + accountName + "]";
        if (source instanceof CredentialsSource.StaticKeys keys) {
            String id = text(secrets.resolve(at + ".credentials.accessKeyId", keys.accessKeyIdRef()));
            String secret = text(secrets.resolve(at + ".credentials.secretAccessKey", keys.secretAccessKeyRef()));
            String token = keys.sessionTokenRef() == null ? null
                    : text(secrets.resolve(at + ".credentials.sessionToken", keys.sessionTokenRef()));
            return StaticCredentialsProvider.create(token == null ? AwsBasicCredentials.create(id, secret)
                    : AwsSessionCredentials.create(id, secret, token));
        }
        if (source instanceof CredentialsSource.Profile profile) {
            return ProfileCredentialsProvider.builder().profileName(profile.name()).build();
        }
        if (source instanceof CredentialsSource.StoredCredentials stored) {
            return secrets.resolveObject(at + "." + CredentialsSource.CREDENTIALS_ID, stored.id(),
                    AwsCredentialsProvider.class);
        }
        return DefaultCredentialsProvider.builder().build();
    }

    /** {@code base}, or the role assumed with it through {@code sts} (which the returned provider then owns). */
    static AwsCredentialsProvider withRole(AwsCredentialsProvider base, AssumeRole role, StsClient sts) {
        if (role == null) {
            return base;
        }
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(r -> {
                    r.roleArn(role.roleArn()).roleSessionName(role.sessionName()).durationSeconds(role.durationSeconds());
                    if (role.externalId() != null) {
                        r.externalId(role.externalId());
                    }
                })
                .asyncCredentialUpdateEnabled(false)
                .build();
    }

    private static String text(char[] secret) {
        try {
            return new String(secret);
        } finally {
            Arrays.fill(secret, '\0');
        }
    }
}
