package io.jenkins.plugins.clusterdeploy;

import io.clusterdeploy.sample.HelloApp;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Pipeline snippets that deploy the sample app with the local provider. */
final class SampleAppScript {
    private SampleAppScript() {
    }

    /** A Groovy map literal: the local provider's spec running the sample app at {@code version}. */
    static String spec(String version) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-cp", codeSource(), HelloApp.class.getName(),
                "--port", "$PORT", "--version", version, "--instance-id", "$INSTANCE_ID");
        return "[command: [" + command.stream().map(SampleAppScript::quote).collect(Collectors.joining(", "))
                + "], healthCheckPath: '/health']";
    }

    /** Pipeline lines: a load balancer {@code hello-prod} on {@code port} and v1 of the app behind it, two instances. */
    static String firstDeploy(int port) {
        return "upsertLoadBalancer account: 'local', name: 'hello-prod', spec: [port: " + port + "]\n"
                + "deployServerGroup account: 'local', application: 'hello', stack: 'prod',"
                + " capacity: [min: 2, desired: 2, max: 2], loadBalancers: ['hello-prod'], spec: " + spec("v1") + "\n";
    }

    /** A single-quoted Groovy string: no interpolation, so $PORT stays for the provider. */
    static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
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
