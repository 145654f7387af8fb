package io.clusterdeploy.sample;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The sample app's command line.
 *
 * @param port        loopback port to listen on; 0 picks a free one (used by in-process tests)
 * @param version     version reported by {@code GET /} and in metrics
 * @param instanceId  instance id reported by {@code GET /}
 * @param errorRate   fraction (0..1) of {@code GET /} answered with 500
 * @param latencyMs   latency added to {@code GET /}
 * @param neverHealthy when true the health endpoint always answers 503
 * @param healthPath  path of the health endpoint
 * @param idleTimeoutSeconds how long a kept-alive connection may stay idle before the app closes it (0: the
 *                    JDK server's default, 30 s); closed within 0.1 s of the timeout
 * @param maxIdleConnections how many idle kept-alive connections the app keeps at most (0: the JDK server's
 *                    default, 200); past it, a connection is closed right after its answer, without a
 *                    "Connection: close" header, as the JDK server does
 */
public record AppOptions(int port, String version, String instanceId, double errorRate, long latencyMs,
                         boolean neverHealthy, String healthPath, int idleTimeoutSeconds, int maxIdleConnections) {

    static final String USAGE = "usage: HelloApp --port N [--version STR] [--instance-id STR] [--error-rate F]"
            + " [--latency-ms N] [--never-healthy] [--health-path P] [--idle-timeout-seconds N]"
            + " [--max-idle-connections N]";

    private static final Set<String> VALUED = Set.of(
            "--port", "--version", "--instance-id", "--error-rate", "--latency-ms", "--health-path",
            "--idle-timeout-seconds", "--max-idle-connections");
    private static final Set<String> SWITCHES = Set.of("--never-healthy");

    public AppOptions {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be between 0 and 65535, was " + port);
        }
        if (version == null || version.isBlank()) {
            throw new UsageException("--version must not be empty");
        }
        if (instanceId == null || instanceId.isBlank()) {
            throw new UsageException("--instance-id must not be empty");
        }
        if (!(errorRate >= 0.0 && errorRate <= 1.0)) {
            throw new UsageException("--error-rate must be between 0 and 1, was " + errorRate);
        }
        if (idleTimeoutSeconds < 0 || idleTimeoutSeconds > 86_400) {
            throw new UsageException("--idle-timeout-seconds must be between 0 and 86400, was " + idleTimeoutSeconds);
        }
        if (maxIdleConnections < 0 || maxIdleConnections > 100_000) {
            throw new UsageException("--max-idle-connections must be between 0 and 100000, was " + maxIdleConnections);
        }
        if (latencyMs < 0) {
            throw new UsageException("--latency-ms must be ≥ 0, was " + latencyMs);
        }
        if (healthPath == null || !healthPath.startsWith("/") || healthPath.equals("/")
                || healthPath.equals(HelloServer.METRICS_PATH) || healthPath.chars().anyMatch(Character::isWhitespace)) {
            throw new UsageException("--health-path must start with '/', contain no spaces and differ from / and "
                    + HelloServer.METRICS_PATH + ", was '" + healthPath + "'");
        }
    }

    /** Parses {@code --flag value} and {@code --flag=value} forms; throws UsageException naming the bad flag. */
    public static AppOptions parse(String... args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String inline = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            if (SWITCHES.contains(flag) && inline == null) {
                values.put(flag, "true");
            } else if (VALUED.contains(flag)) {
                if (inline == null) {
                    if (i + 1 >= args.length) {
                        throw new UsageException(flag + " needs a value");
                    }
                    inline = args[++i];
                }
                values.put(flag, inline);
            } else {
                throw new UsageException("unknown flag '" + arg + "'");
            }
        }
        if (!values.containsKey("--port")) {
            throw new UsageException("--port is required");
        }
        return new AppOptions(
                (int) parseLong("--port", values.get("--port")),
                values.getOrDefault("--version", "v1"),
                values.getOrDefault("--instance-id", "pid-" + ProcessHandle.current().pid()),
                parseDouble("--error-rate", values.getOrDefault("--error-rate", "0")),
                parseLong("--latency-ms", values.getOrDefault("--latency-ms", "0")),
                values.containsKey("--never-healthy"),
                values.getOrDefault("--health-path", "/health"),
                (int) parseLong("--idle-timeout-seconds", values.getOrDefault("--idle-timeout-seconds", "0")),
                (int) parseLong("--max-idle-connections", values.getOrDefault("--max-idle-connections", "0")));
    }

    private static long parseLong(String flag, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a whole number, was '" + value + "'");
        }
    }

    private static double parseDouble(String flag, String value) {
        try {
            return Double.parseDouble(value.trim());
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a number, was '" + value + "'");
        }
    }
}
