package io.clusterdeploy.provider.kubernetes.sim;

import io.clusterdeploy.sample.HelloApp;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A pod template running the sample app as the simulated kubelet runs it: a real process on its own port. */
public final class SampleApp {
    private SampleApp() {
    }

    /** A pod template of version {@code version}; {@code healthy=false} never passes its readiness probe. */
    public static Map<String, Object> podTemplate(String version, boolean healthy) {
        return podTemplate(version, healthy, List.of());
    }

    /** With the sample app's own flags, e.g. {@code --error-rate 0.5}. */
    public static Map<String, Object> podTemplate(String version, boolean healthy, List<String> flags) {
        List<String> args = new ArrayList<>(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
                "-cp", codeSource(), HelloApp.class.getName(),
                "--port", "$(PORT)", "--version", version, "--instance-id", "$(POD_NAME)"));
        if (!healthy) {
            args.add("--never-healthy");
        }
        args.addAll(flags);
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", "hello");
        container.put("image", "registry.example/hello:" + version);
        container.put("command", List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        container.put("args", args);
        container.put("env", List.of(Map.of("name", "POD_NAME", "value", "hello-" + version)));
        container.put("ports", List.of(Map.of("name", "http", "containerPort", 8080)));
        container.put("readinessProbe", Map.of("httpGet", Map.of("path", "/health", "port", "http"),
                "periodSeconds", 1));
        return Map.of("metadata", Map.of("labels", Map.of("app.kubernetes.io/name", "hello")),
                "spec", Map.of("containers", List.of(container), "terminationGracePeriodSeconds", 5));
    }

    private static String codeSource() {
        try {
            return Path.of(HelloApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
