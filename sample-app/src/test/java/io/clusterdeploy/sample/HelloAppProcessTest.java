package io.clusterdeploy.sample;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
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

    private static int port(Process process) throws Exception {
        BufferedReader stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Matcher matcher = LISTENING.matcher(stdout.readLine());
        assertThat(matcher.find()).isTrue();
        return Integer.parseInt(matcher.group(1));
    }

    /** Sends one kept-alive GET on the socket and reads its whole answer (the sample app always sends a length). */
    private static String exchange(Socket socket) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write("GET / HTTP/1.1\r\nHost: test\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            assertThat(c).as("the answer's head ends before the connection").isNotNegative();
            head.append((char) c);
        }
        Matcher length = Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
        assertThat(length.find()).isTrue();
        byte[] body = in.readNBytes(Integer.parseInt(length.group(1)));
        return head + new String(body, StandardCharsets.UTF_8);
    }

    /** True when the peer closed the socket before the (generous) read timeout; never decides on timing alone. */
    private static boolean closedByPeer(Socket socket, Duration within) throws Exception {
        socket.setSoTimeout((int) within.toMillis());
        try {
            return socket.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException e) {
            return false;
        } catch (java.net.SocketException e) {
            return true; // reset: closed too
        }
    }

    @Test
    void anIdleKeptAliveConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        Process process = launch("--port", "0", "--idle-timeout-seconds", "1");
        int port = port(process);
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(exchange(socket)).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");
            // The JDK's default is 30 s: a close well before that is the option's doing.
            assertThat(closedByPeer(socket, Duration.ofSeconds(20))).isTrue();
        }
    }

    @Test
    void pastTheIdleLimitAConnectionIsClosedRightAfterItsAnswer() throws Exception {
        Process process = launch("--port", "0", "--max-idle-connections", "1");
        int port = port(process);
        try (Socket first = new Socket(InetAddress.getLoopbackAddress(), port);
             Socket second = new Socket(InetAddress.getLoopbackAddress(), port)) {
            assertThat(exchange(first)).startsWith("HTTP/1.1 200");
            // The first one is idle now: the second's answer leaves one idle connection too many.
            assertThat(exchange(second)).startsWith("HTTP/1.1 200").doesNotContainIgnoringCase("connection: close");
            assertThat(closedByPeer(second, Duration.ofSeconds(20))).isTrue();
        }
    }
}
