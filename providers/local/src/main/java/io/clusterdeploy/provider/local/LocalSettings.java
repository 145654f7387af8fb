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
 * @param stateDir              where instance logs and the records of server groups and load balancers go
 * @param healthCheckInterval   how often every instance is health-checked and the groups converged
 * @param prometheusTargetsFile the Prometheus file_sd list of the account's instances ({@link PrometheusTargets});
 *                              by default {@value #DEFAULT_TARGETS_FILE} in the state directory
 */
public record LocalSettings(Path stateDir, Duration healthCheckInterval, Path prometheusTargetsFile) {

    static final String STATE_DIR = "stateDir";
    static final String HEALTH_CHECK_INTERVAL_MILLIS = "healthCheckIntervalMillis";
    static final String PROMETHEUS_TARGETS_FILE = "prometheusTargetsFile";
    static final String DEFAULT_TARGETS_FILE = "prometheus-targets.json";

    public LocalSettings(Path stateDir, Duration healthCheckInterval) {
        this(stateDir, healthCheckInterval, stateDir.resolve(DEFAULT_TARGETS_FILE));
    }

    /** Reads and checks the settings of account {@code accountName}; errors name {@code accounts[NAME].KEY}. */
    public static LocalSettings parse(String accountName, Map<String, Object> settings) {
        Checked checked = check(accountName, settings);
        Path stateDir = stateDirectory(checked.stateDirField(), checked.stateDir());
        Path targets = checked.targetsFile() == null ? stateDir.resolve(DEFAULT_TARGETS_FILE)
                : Path.of(checked.targetsFile()).toAbsolutePath();
        return new LocalSettings(stateDir, Duration.ofMillis(checked.intervalMillis()), targets);
    }

    /** The settings, checked without touching the file system. */
    record Checked(String stateDirField, String stateDir, int intervalMillis, String targetsFile) {
    }

    static Checked check(String accountName, Map<String, Object> settings) {
        Fields fields = new Fields("accounts[" + accountName + "]", settings);
        String stateDir = fields.optionalString(STATE_DIR, null);
        int interval = fields.optionalInt(HEALTH_CHECK_INTERVAL_MILLIS, 250, 10, 60_000);
        String targets = fields.optionalString(PROMETHEUS_TARGETS_FILE, null);
        fields.rejectUnknown();
        if (targets != null) {
            checkTargetsFile(fields.path(PROMETHEUS_TARGETS_FILE), targets);
        }
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
        return new Checked(field, stateDir, interval, targets);
    }

    /** Prometheus's file_sd reads only files named *.json, *.yml or *.yaml; this one is JSON. */
    private static void checkTargetsFile(String field, String value) {
        if (value.isBlank()) {
            throw ClusterDeployException.invalid(field, field + " must not be empty");
        }
        try {
            Path path = Path.of(value);
            if (path.getFileName() == null || !path.getFileName().toString().endsWith(".json")) {
                throw ClusterDeployException.invalid(field, field + " must name a file ending in .json (Prometheus's"
                        + " file_sd reads JSON from *.json), was '" + value + "'");
            }
        } catch (InvalidPathException e) {
            throw ClusterDeployException.invalid(field, "cannot use '" + value + "' as " + field + ": " + e.getMessage());
        }
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
