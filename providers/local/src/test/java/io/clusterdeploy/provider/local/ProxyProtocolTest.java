package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.LoadBalancer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTP/1.1 through the load balancer to an instance that echoes what it received. */
class ProxyProtocolTest {
    @TempDir
    Path stateDir;
    private ProviderFixture fx;
    private LoadBalancer lb;
    private boolean closedByLoadBalancer;

    @BeforeEach
    void start() {
        fx = new ProviderFixture(stateDir);
        lb = fx.loadBalancer("echo");
        fx.provider.createServerGroup(ProviderFixture.request("echo-v001", 1, List.of("echo"),
                Map.of("command", EchoApp.command())));
        fx.awaitAll("echo-v001", 1, HealthState.UP);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private int port() {
        return Integer.parseInt(lb.address().substring(lb.address().indexOf(':') + 1));
    }

    /** Writes raw bytes to the load balancer and reads until it closes the connection (or 20 s pass). */
    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            closedByLoadBalancer = false;
            try {
                for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                    all.write(buf, 0, n);
                }
                closedByLoadBalancer = true;
            } catch (java.net.SocketTimeoutException e) {
                // Kept alive: what arrived is the answer.
            }
            return all.toString(StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void bodiesReachTheInstanceWithLengthOrChunked() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        URI uri = URI.create("http://" + lb.address() + "/form?x=1");
        HttpResponse<String> withLength = client.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofString("a=1&b=2")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(withLength.statusCode()).isEqualTo(200);
        assertThat(withLength.body()).startsWith("POST /form?x=1\n").endsWith("\na=1&b=2")
                .contains("x-forwarded-for: 127.0.0.1\n", "x-forwarded-proto: http\n");

        String chunked = raw("PUT /up HTTP/1.1\r\nHost: t\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + "5\r\nhello\r\n6;x=y\r\n world\r\n0\r\n\r\n");
        assertThat(chunked).startsWith("HTTP/1.1 200").endsWith("\nhello world");

        byte[] big = "0123456789abcdef".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII); // 1 MiB through 16 KiB buffers
        HttpResponse<String> large = client.send(HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(large.body()).endsWith("\n" + new String(big, StandardCharsets.US_ASCII));
    }

    @Test
    void chunkedAnswersArePassedOnAndPipelinedRequestsAnsweredInOrder() throws Exception {
        HttpResponse<String> chunkedAnswer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://" + lb.address() + "/chunked")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(chunkedAnswer.statusCode()).isEqualTo(200);
        assertThat(chunkedAnswer.body()).startsWith("GET /chunked\n");

        String answers = raw("GET /one HTTP/1.1\r\nHost: t\r\n\r\nGET /two HTTP/1.1\r\nHost: t\r\n\r\n"
                + "GET /three HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n");
        assertThat(answers.indexOf("GET /one\n")).isPositive()
                .isLessThan(answers.indexOf("GET /two\n"));
        assertThat(answers.indexOf("GET /two\n")).isLessThan(answers.indexOf("GET /three\n"));
        assertThat(answers.split("HTTP/1.1 200", -1)).hasSize(4);
    }

    @Test
    void hopByHopHeadersStayHereAndHttp10IsClosedAfterItsAnswer() throws Exception {
        String answer = raw("GET /h HTTP/1.1\r\nHost: t\r\nConnection: close, X-Drop\r\nX-Drop: secret\r\nX-Keep: 1\r\n"
                + "Keep-Alive: timeout=5\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 200").contains("x-keep: 1\n").doesNotContain("x-drop", "keep-alive: timeout");

        String http10 = raw("GET /old HTTP/1.0\r\n\r\n");
        assertThat(http10).startsWith("HTTP/1.1 200").containsIgnoringCase("connection: close\r\n").contains("GET /old\n");
        assertThat(closedByLoadBalancer).isTrue();
    }

    @Test
    void ambiguousRequestsAreRefusedBeforeReachingTheInstance() throws Exception {
        String smuggled = raw("POST / HTTP/1.1\r\nHost: t\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "0\r\n\r\nGET /admin HTTP/1.1\r\nHost: t\r\n\r\n");
        assertThat(smuggled).startsWith("HTTP/1.1 400").containsIgnoringCase("connection: close").doesNotContain("/admin");
        assertThat(closedByLoadBalancer).isTrue();
        String tooLarge = raw("GET / HTTP/1.1\r\nHost: t\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertThat(tooLarge).startsWith("HTTP/1.1 431");
        TrafficStatistics stats = fx.provider.trafficStatistics("echo-v001", java.time.Instant.now().minusSeconds(60),
                java.time.Instant.now());
        assertThat(stats.serverErrors()).isZero();
    }
}
