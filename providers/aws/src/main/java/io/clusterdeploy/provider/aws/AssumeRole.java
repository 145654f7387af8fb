package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.util.regex.Pattern;

/**
 * A role the account assumes through STS on top of its base credentials, as cross-account deploys do.
 *
 * @param roleArn         the role, {@code arn:PARTITION:iam::ACCOUNT:role/NAME}
 * @param externalId      the external id the role's trust policy asks for, or null
 * @param sessionName     the session name shown in CloudTrail
 * @param durationSeconds how long each set of session credentials lasts (refreshed before it runs out)
 */
record AssumeRole(String roleArn, String externalId, String sessionName, int durationSeconds) {
    static final String KEY = "assumeRole";
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::[0-9]{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern SESSION = Pattern.compile("[\\w+=,.@-]{2,64}");

    /** Null when the account assumes no role. */
    static AssumeRole parse(Fields account) {
        if (!account.has(KEY)) {
            return null;
        }
        Fields f = account.object(KEY);
        String arn = f.requiredString("roleArn");
        if (!ROLE_ARN.matcher(arn).matches()) {
            throw ClusterDeployException.invalid(f.path("roleArn"), f.path("roleArn") + ": '" + arn
                    + "' is not an IAM role ARN (arn:aws:iam::123456789012:role/NAME)");
        }
        String externalId = f.optionalString("externalId", null);
        if (externalId != null && !EXTERNAL_ID.matcher(externalId).matches()) {
            throw ClusterDeployException.invalid(f.path("externalId"), f.path("externalId")
                    + " must be 2 to 1224 letters, digits or any of +=,.@:/-");
        }
        String session = f.optionalString("sessionName", "cluster-deploy");
        if (!SESSION.matcher(session).matches()) {
            throw ClusterDeployException.invalid(f.path("sessionName"), f.path("sessionName")
                    + " must be 2 to 64 letters, digits or any of +=,.@-");
        }
        int duration = f.optionalInt("durationSeconds", 3600, 900, 43_200);
        f.rejectUnknown();
        return new AssumeRole(arn, externalId, session, duration);
    }
}
