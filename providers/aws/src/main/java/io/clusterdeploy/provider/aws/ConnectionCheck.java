package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.provider.SecretResolver;
import java.util.Map;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * "Test connection": builds the account's credentials as the provider would (role included) and asks STS who
 * they are. Creates nothing and needs no permission (GetCallerIdentity is always allowed).
 */
public final class ConnectionCheck {
    /**
     * Who the credentials are.
     *
     * @param accountId the 12-digit AWS account reached
     * @param arn       the user or assumed-role session ARN
     * @param userId    the unique id of the caller
     */
    public record Identity(String accountId, String arn, String userId) {
        /** A sentence for the form: which account and which role or user. */
        public String describe() {
            String who = arn.contains(":assumed-role/") ? "role " + arn.replaceFirst(".*:assumed-role/", "").replaceFirst("/.*", "")
                    : arn.replaceFirst(".*:", "");
            return "Connected to AWS account " + accountId + " as " + who + " (" + arn + ")";
        }
    }

    private ConnectionCheck() {
    }

    /** @throws io.clusterdeploy.engine.error.ClusterDeployException naming the field at fault */
    public static Identity check(String accountName, Map<String, Object> settings, SecretResolver secrets) {
        AwsSettings parsed = AwsSettings.parse(accountName, settings);
        AwsErrors errors = new AwsErrors(accountName);
        try (AwsSession session = AwsSession.open(accountName, parsed, secrets);
             StsClient sts = AwsClients.sts(parsed.regions().get(0), session.credentials(), parsed.endpoint(),
                     parsed.retries())) {
            GetCallerIdentityResponse me = errors.call("GetCallerIdentity", sts::getCallerIdentity);
            return new Identity(me.account(), me.arn(), me.userId());
        }
    }
}
