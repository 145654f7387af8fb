package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.files.PrivateFiles;
import io.clusterdeploy.engine.json.Fields;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * A local account's settings. There is no {@code locations} setting: the only location is {@code local}.
 *
 * @param stateDir            where instance logs and the records of server groups and load balancers go
 * @param healthCheckInterval how often every instance is health-checked and the groups converged
 */
public record LocalSettings(Path stateDir, Duration healthCheckInterval) {

    static final String STATE_DIR = "stateDir";
    static final String HEALTH_CHECK_INTERVAL_MILLIS = "healthCheckIntervalMillis";

    /** Reads and checks the settings of account {@code accountName}; errors name {@code accounts[NAME].KEY}. */
    public static LocalSettings parse(String accountName, Map<String, Object> settings) {
        Checked checked = check(accountName, settings);
        return new LocalSettings(stateDirectory(checked.stateDirField(), checked.stateDir()),
                Duration.ofMillis(checked.intervalMillis()));
    }

    /** The settings, checked without touching the file system. */
    record Checked(String stateDirField, String stateDir, int intervalMillis) {
    }

    static Checked check(String accountName, Map<String, Object> settings) {
        Fields fields = new Fields("accounts[" + accountName + "]", settings);
        String stateDir = fields.optionalString(STATE_DIR, null);
        int interval = fields.optionalInt(HEALTH_CHECK_INTERVAL_MILLIS, 250, 10, 60_000);
        fields.rejectUnknown();
        String field = fields.path(STATE_DIR);
        if (stateDir != null) {
            if (stateDir.isBlank()) {
                throw ClusterDeployException.invalid(field, field + " must not be empty");
            }
            try {
                Path.of(stateDir);
            } catch (InvalidPathException e) {
                throw ClusterDeployException.invalid(field, "cannot use '" + stateDir + "' as " + field + ": "
                        + e.getMessage());
            }
        }
        return new Checked(field, stateDir, interval);
    }

    private static Path stateDirectory(String field, String configured) {
        try {
            if (configured == null) {
                return Files.createTempDirectory("cluster-deploy-local-"); // created 0700
            }
            return PrivateFiles.directory(Path.of(configured)).toAbsolutePath();
        } catch (IOException | InvalidPathException e) {
            throw ClusterDeployException.invalid(field, "cannot use '" + configured + "' as " + field + ": " + e.getMessage());
        }
    }
}
