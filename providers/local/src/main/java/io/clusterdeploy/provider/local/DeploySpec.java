package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a local server group runs: {@code CreateServerGroupRequest.spec} parsed.
 *
 * @param command         the command of each instance
 * @param healthCheckPath path polled over HTTP on each instance
 * @param env             variables added to the inherited environment ($PORT and $INSTANCE_ID are filled in)
 * @param shutdownTimeout how long an instance may take to stop after SIGTERM, and how long its in-flight
 *                        requests may take to finish when it leaves the load balancers
 */
public record DeploySpec(CommandTemplate command, String healthCheckPath, Map<String, String> env,
                         Duration shutdownTimeout) {

    static final String COMMAND = "command";
    static final String HEALTH_CHECK_PATH = "healthCheckPath";
    static final String ENV = "env";
    static final String SHUTDOWN_TIMEOUT_SECONDS = "shutdownTimeoutSeconds";

    public DeploySpec {
        env = Map.copyOf(env);
    }

    /** Parses a deploy spec; errors name {@code spec.KEY}; unknown keys are errors. */
    public static DeploySpec parse(Map<String, Object> spec) {
        Fields fields = new Fields("spec", spec);
        fields.has(COMMAND);
        CommandTemplate command = CommandTemplate.parse(fields.path(COMMAND), fields.raw().get(COMMAND));
        String healthCheckPath = healthCheckPath(fields.path(HEALTH_CHECK_PATH),
                fields.optionalString(HEALTH_CHECK_PATH, "/health"));
        Map<String, String> env = env(fields.path(ENV), fields.optionalMap(ENV));
        int shutdownSeconds = fields.optionalInt(SHUTDOWN_TIMEOUT_SECONDS, 10, 0, 3600);
        fields.rejectUnknown();
        return new DeploySpec(command, healthCheckPath, env, Duration.ofSeconds(shutdownSeconds));
    }

    /** The spec in its request form, as {@link #parse} reads it: what a server group's record keeps. */
    Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(COMMAND, command.args());
        map.put(HEALTH_CHECK_PATH, healthCheckPath);
        map.put(ENV, new TreeMap<>(env));
        map.put(SHUTDOWN_TIMEOUT_SECONDS, shutdownTimeout.toSeconds());
        return map;
    }

    /** The environment for one instance. */
    Map<String, String> renderEnv(int port, String instanceId) {
        Map<String, String> out = new LinkedHashMap<>();
        env.forEach((k, v) -> out.put(k, CommandTemplate.substitute(v, port, instanceId)));
        return out;
    }

    private static String healthCheckPath(String field, String path) {
        if (!path.startsWith("/")) {
            throw ClusterDeployException.invalid(field, field + " must start with '/', was '" + path + "'");
        }
        try {
            URI uri = new URI("http://127.0.0.1:1" + path);
            if (uri.getRawFragment() != null) {
                throw ClusterDeployException.invalid(field, field + " must not contain a fragment ('#')");
            }
        } catch (URISyntaxException e) {
            throw ClusterDeployException.invalid(field, field + " is not a valid URL path: " + e.getMessage());
        }
        return path;
    }

    private static Map<String, String> env(String field, Map<String, Object> raw) {
        Map<String, String> env = new LinkedHashMap<>();
        raw.forEach((key, value) -> {
            String keyField = field + "." + key;
            if (key.isEmpty() || key.indexOf('=') >= 0 || key.indexOf('\0') >= 0) {
                throw ClusterDeployException.invalid(keyField, "'" + key + "' is not a valid environment variable name");
            }
            if (!(value instanceof String text)) {
                throw ClusterDeployException.invalid(keyField, keyField + " must be a string");
            }
            if (text.indexOf('\0') >= 0) {
                throw ClusterDeployException.invalid(keyField, keyField + " must not contain NUL characters");
            }
            env.put(key, text);
        });
        return env;
    }
}
