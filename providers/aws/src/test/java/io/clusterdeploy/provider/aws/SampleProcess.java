package io.clusterdeploy.provider.aws;

import io.clusterdeploy.sample.HelloApp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real process behind one simulated EC2 instance: the sample app on a loopback port. */
final class SampleProcess {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    final String instanceId;
    final String version;
    final int port;
    private final Process process;

    private SampleProcess(String instanceId, String version, int port, Process process) {
        this.instanceId = instanceId;
        this.version = version;
        this.port = port;
        this.process = process;
    }

    static SampleProcess start(String instanceId, String version, List<String> flags) {
        int port = MotoServer.freePort();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx64m", "-cp", codeSource(),
                HelloApp.class.getName(), "--port", String.valueOf(port), "--version", version,
                "--instance-id", instanceId));
        command.addAll(flags);
        try {
            Path log = Files.createTempFile("aws-instance-" + instanceId + "-", ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new SampleProcess(instanceId, version, port, p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One health check as a load balancer sends it: GET /health, 2xx within a second. */
    boolean healthy() {
        if (!process.isAlive()) {
            return false;
        }
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                    .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    void stop() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static String codeSource() {
        try {
            return Path.of(HelloApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
