package io.clusterdeploy.provider.local;

import io.clusterdeploy.sample.HelloApp;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command that runs the sample app as a real process, with the provider's placeholders. */
final class SampleApp {
    private SampleApp() {
    }

    static List<String> command(String version, String... extraFlags) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // Quick start-up matters more than peak speed for these short-lived instances.
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m",
                "-cp", codeSource(),
                HelloApp.class.getName(),
                "--port", "$PORT", "--version", version, "--instance-id", "${INSTANCE_ID}"));
        command.addAll(List.of(extraFlags));
        return command;
    }

    private static String codeSource() {
        try {
            return Path.of(HelloApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
