package io.jenkins.plugins.clusterdeploy.account;

import hudson.util.FormValidation;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The local account's "Test connection": the local provider has no endpoint, so it checks what it needs, a state
 * directory it can create and write, and says where processes will run. It changes nothing and starts nothing.
 */
public final class LocalStateDirProbe {
    private LocalStateDirProbe() {
    }

    /**
     * @param configured the stateDir field (blank = default)
     * @param fallback   the default directory for this account
     * @param status     what the engine says about the account now (running, its problem, or disabled)
     */
    public static FormValidation probe(String configured, Path fallback, String status) {
        Path dir;
        try {
            dir = configured == null || configured.isBlank() ? fallback : Path.of(configured.strip());
        } catch (InvalidPathException e) {
            return FormValidation.error("stateDir is not a valid path: " + e.getReason());
        }
        if (!dir.isAbsolute()) {
            return FormValidation.error("stateDir must be an absolute path, was " + dir);
        }
        Path existing = dir;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null || !Files.isDirectory(existing)) {
            return FormValidation.error(dir + " cannot be created: " + existing + " is not a directory");
        }
        if (!Files.isWritable(existing)) {
            return FormValidation.error((existing.equals(dir) ? dir : existing + " (the parent of " + dir + ")")
                    + " is not writable by the Jenkins controller");
        }
        String where = existing.equals(dir) ? dir + " is writable" : dir + " will be created";
        return FormValidation.ok("OK: " + where + "; processes run on the Jenkins controller as its user ("
                + System.getProperty("user.name") + "). " + status);
    }
}
