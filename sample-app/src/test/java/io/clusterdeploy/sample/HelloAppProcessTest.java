package io.clusterdeploy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** HelloApp as a real operating-system process: exit status on bad flags, graceful SIGTERM. */
class HelloAppProcessTest {
    private static final Pattern LISTENING = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    private Process launch(String... flags) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", Path.of(HelloApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
                HelloApp.class.getName()));
        command.addAll(List.of(flags));
        Process process = new ProcessBuilder(command).start();
        started.add(process);
        return process;
    }

    @Test
    void badFlagExitsWithStatusTwoAndNamesTheFlag() throws Exception {
        Process process = launch("--port", "0", "--error-rate", "2");
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(stderr).contains("--error-rate must be between 0 and 1");
    }

    @Test
    void sigtermLetsAnInFlightRequestFinish() throws Exception {
        Process process = launch("--port", "0", "--latency-ms", "1500", "--instance-id", "slow-1");
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Matcher matcher = LISTENING.matcher(stdout.readLine());
        assertThat(matcher.find()).isTrue();
        int port = Integer.parseInt(matcher.group(1));

        HttpClient client = HttpClient.newHttpClient();
        CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        // Wait until the app counts the request, so that SIGTERM surely arrives while it is in flight.
        HttpRequest metrics = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics")).build();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                client.send(metrics, HttpResponse.BodyHandlers.ofString()).body().contains("requests_total{version=\"v1\"} 1\n"));

        process.destroy();

        HttpResponse<String> response = inFlight.get(30, TimeUnit.SECONDS);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"instance\":\"slow-1\"");
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
}
