package io.jenkins.plugins.clusterdeploy.account;

import hudson.util.FormValidation;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.jenkins.plugins.clusterdeploy.form.FormText;

/** What the account form's field checks answer; the descriptors check permissions, then ask here. */
public final class AccountFormChecks {
    private AccountFormChecks() {
    }

    public static FormValidation name(String value) {
        try {
            AccountNames.check("name", value == null ? null : value.strip());
            return FormValidation.ok();
        } catch (ClusterDeployException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    /** @param required true for accounts where an empty list lets no job in (local accounts) */
    public static FormValidation allowedJobs(String text, boolean required) {
        try {
            JobPatterns patterns = JobPatterns.parse("allowedJobs", FormText.lines(text));
            if (patterns.isEmpty()) {
                return required
                        ? FormValidation.warning("No job may use this account until at least one pattern is listed.")
                        : FormValidation.ok("Every job may use this account.");
            }
            return FormValidation.ok();
        } catch (ClusterDeployException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    public static FormValidation wholeNumber(String value, int min, int max, boolean optional) {
        if (value == null || value.isBlank()) {
            return optional ? FormValidation.ok() : FormValidation.error("A value is required.");
        }
        try {
            int n = Integer.parseInt(value.strip());
            if (n < min || n > max) {
                return FormValidation.error("Must be between " + min + " and " + max + ".");
            }
            return FormValidation.ok();
        } catch (NumberFormatException e) {
            return FormValidation.error("Must be a whole number.");
        }
    }
}
