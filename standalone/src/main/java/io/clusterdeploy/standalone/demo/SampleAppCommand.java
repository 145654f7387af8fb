package io.clusterdeploy.standalone.demo;

import io.clusterdeploy.sample.HelloApp;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;
import java.util.Map;

/** The local provider's deploy spec for the bundled sample app at a given version. */
public final class SampleAppCommand {
    static final String HEALTH_PATH = "/health";

    private SampleAppCommand() {
    }

    /** {@code {"command": [...], "healthCheckPath": "/health"}}; $PORT and $INSTANCE_ID are filled in per instance. */
    public static Map<String, Object> spec(String version) {
        return Map.of("command", command(version), "healthCheckPath", HEALTH_PATH);
    }

    /** With the sample app's own flags, e.g. {@code --error-rate 0.3 --latency-ms 40} for a bad version. */
    public static Map<String, Object> spec(String version, List<String> flags) {
        return Map.of("command", command(version, flags), "healthCheckPath", HEALTH_PATH);
    }

    static List<String> command(String version) {
        return command(version, List.of());
    }

    static List<String> command(String version, List<String> flags) {
        List<String> command = new java.util.ArrayList<>(List.of(javaBinary(), "-Xmx64m", "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-Xshare:auto", "-cp", classPath(), HelloApp.class.getName(),
                "--port", "$PORT", "--version", version, "--instance-id", "$INSTANCE_ID"));
        command.addAll(flags);
        return List.copyOf(command);
    }

    /** The java running us, so that the instances run on the same JDK. */
    static String javaBinary() {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        if (Files.isExecutable(java)) {
            return java.toString();
        }
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * Where the sample app's classes are: the shaded jar when run from it, the sample-app jar or
     * classes folder in a build. Only that entry: the app needs nothing but the JDK.
     */
    static String classPath() {
        CodeSource source = HelloApp.class.getProtectionDomain().getCodeSource();
        if (source != null && source.getLocation() != null) {
            try {
                return Path.of(source.getLocation().toURI()).toString();
            } catch (URISyntaxException | IllegalArgumentException e) {
                // Fall through to the class path of this JVM.
            }
        }
        return System.getProperty("java.class.path");
    }
}
