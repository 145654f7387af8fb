package io.jenkins.plugins.clusterdeploy.account;

import hudson.util.FormValidation;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.provider.aws.ConnectionCheck;
import java.util.Map;

/** What the AWS account form's checks answer; the descriptor checks permissions, then asks here. */
final class AwsAccountChecks {
    private AwsAccountChecks() {
    }

    /** The provider's own parse of the settings, without any network call. */
    static FormValidation settings(AwsAccount account) {
        try {
            account.check();
            return FormValidation.ok();
        } catch (ClusterDeployException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** GetCallerIdentity through the account's credentials (and role): says which account and role it reached. */
    static FormValidation connection(String name, Map<String, Object> settings, SecretResolver secrets) {
        try {
            return FormValidation.ok(ConnectionCheck.check(name, settings, secrets).describe());
        } catch (ClusterDeployException e) {
            return FormValidation.error(e.getMessage());
        }
    }
}
