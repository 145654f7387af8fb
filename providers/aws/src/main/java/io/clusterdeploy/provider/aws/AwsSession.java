package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.provider.SecretResolver;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * An account's credentials: the base ones and, when it assumes a role, the STS client that refreshes the role's
 * session. Closing it closes that client.
 */
final class AwsSession implements AutoCloseable {
    private final AwsCredentialsProvider credentials;
    private final StsClient roleSts;

    private AwsSession(AwsCredentialsProvider credentials, StsClient roleSts) {
        this.credentials = credentials;
        this.roleSts = roleSts;
    }

    static AwsSession open(String accountName, AwsSettings settings, SecretResolver secrets) {
        AwsCredentialsProvider base = AwsCredentialsFactory.base(accountName, settings.credentials(), secrets);
        if (settings.assumeRole() == null) {
            return new AwsSession(base, null);
        }
        StsClient sts = AwsClients.sts(settings.regions().get(0), base, settings.endpoint(), settings.retries());
        return new AwsSession(AwsCredentialsFactory.withRole(base, settings.assumeRole(), sts), sts);
    }

    AwsCredentialsProvider credentials() {
        return credentials;
    }

    @Override
    public void close() {
        if (credentials instanceof AutoCloseable c && roleSts != null) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort
            }
        }
        if (roleSts != null) {
            roleSts.close();
        }
    }
}
