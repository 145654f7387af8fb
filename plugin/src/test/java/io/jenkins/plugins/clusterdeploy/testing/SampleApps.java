package io.jenkins.plugins.clusterdeploy.testing;

import io.clusterdeploy.sample.HelloApp;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The local provider's spec that runs the sample app at a version, and free ports for load balancers. */
public final class SampleApps {
    private SampleApps() {
    }

    public static Map<String, Object> spec(String version) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("command", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-cp", codeSource(),
                HelloApp.class.getName(), "--port", "$PORT", "--version", version, "--instance-id", "$INSTANCE_ID"));
        spec.put("healthCheckPath", "/health");
        return spec;
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String codeSource() {
        try {
            return Path.of(HelloApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
