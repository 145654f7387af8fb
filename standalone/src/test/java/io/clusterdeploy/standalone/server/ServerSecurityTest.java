package io.clusterdeploy.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clusterdeploy.engine.json.Json;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The security rules, against the real server (Jetty, engine, local provider) over real HTTP. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerSecurityTest {
    /** Static: with one instance per class, @BeforeAll runs before instance fields are injected. */
    @TempDir
    static Path tmp;

    private StandaloneServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Json json = new Json();
    /** Every answer seen, to check that none of them contains the token. */
    private final List<String> answers = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(tmp.resolve("state"));
    }

    @AfterAll
    void stop() {
        server.close();
        assertThat(answers).as("no answer ever contains the token")
                .noneMatch(a -> a.contains(server.token().value()));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        answers.add(r.headers().map() + r.body());
        return r;
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(server.url() + path));
    }

    private HttpRequest.Builder post(String path, String body) {
        return to(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private String bearer() {
        return "Bearer " + server.token().value();
    }

    private Map<String, Object> error(HttpResponse<String> r, int status, String field) {
        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        Map<String, Object> e = json.readObject(r.body());
        assertThat(e).containsEntry("status", status).containsEntry("field", field).containsKeys("error", "message");
        return e;
    }

    private static String validUpsert(int port) {
        return "{\"type\":\"upsertLoadBalancer\",\"account\":\"local\",\"name\":\"sec-lb\",\"spec\":{\"port\":" + port + "}}";
    }

    @Test
    void readsNeedNoToken() throws Exception {
        HttpResponse<String> r = send(to("/accounts").GET());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(r.body()).contains("\"name\" : \"local\"");
    }

    private int operationCount() {
        return server.engine().operations().list().size();
    }

    @Test
    void mutatingWithoutTokenIs401() throws Exception {
        int before = operationCount();
        HttpResponse<String> r = send(post("/operations", validUpsert(1)));

        Map<String, Object> e = error(r, 401, "Authorization");
        assertThat(e).containsEntry("error", "UNAUTHORIZED");
        assertThat((String) e.get("message")).contains(server.tokenFile().toString());
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(operationCount()).isEqualTo(before);
    }

    @Test
    void wrongTokenIs401() throws Exception {
        int before = operationCount();
        String almost = server.token().value().substring(1) + "x";
        for (String auth : List.of("Bearer " + almost, "Bearer ", "Basic " + server.token().value(), server.token().value())) {
            error(send(post("/operations", validUpsert(1)).header("Authorization", auth)), 401, "Authorization");
        }
        error(send(to("/operations/x/cancel").header("Content-Type", "application/json")
                .header("Authorization", "Bearer nope").DELETE()), 401, "Authorization");
        assertThat(operationCount()).isEqualTo(before);
    }

    @Test
    void rightTokenIsAccepted() throws Exception {
        int port = freePort();
        HttpResponse<String> r = send(post("/operations", validUpsert(port)).header("Authorization", bearer()));

        assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        String id = (String) json.readObject(r.body()).get("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(json.readObject(send(to("/operations/" + id).GET()).body())).containsEntry("status", "SUCCEEDED"));
        // The scheme name is case-insensitive (RFC 7235).
        HttpResponse<String> lower = send(post("/operations", validUpsert(port))
                .header("Authorization", "bearer " + server.token().value()));
        assertThat(lower.statusCode()).isEqualTo(202);
    }

    @Test
    void foreignHostIs403() throws Exception {
        int port = server.port();
        for (String host : List.of("evil.example:" + port, "evil.example", "127.0.0.1:" + (port + 1), "127.0.0.1",
                "localhost.evil.example:" + port, "10.0.0.1:" + port)) {
            RawHttp.Answer a = RawHttp.send(port, "GET /api/accounts HTTP/1.1\r\nHost: " + host + "\r\n", null);
            answers.add(a.text());
            assertThat(a.status()).as(host).isEqualTo(403);
            assertThat(json.readObject(a.body())).containsEntry("field", "Host").containsEntry("status", 403);
        }
    }

    @Test
    void loopbackHostsWithOurPortAreAllowed() throws Exception {
        int port = server.port();
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port, "[::1]:" + port)) {
            RawHttp.Answer a = RawHttp.send(port, "GET /api/accounts HTTP/1.1\r\nHost: " + host + "\r\n", null);
            assertThat(a.status()).as(host).isEqualTo(200);
        }
    }

    @Test
    void missingHostIsRefused() throws Exception {
        RawHttp.Answer a = RawHttp.send(server.port(), "GET /api/accounts HTTP/1.0\r\n", null);
        answers.add(a.text());
        assertThat(a.status()).isIn(400, 403);
        assertThat(a.text()).contains("application/json");
    }

    @Test
    void foreignOriginIs403EvenForReads() throws Exception {
        int before = operationCount();
        for (String origin : List.of("http://evil.example", "null", "https://127.0.0.1:" + server.port(),
                "http://127.0.0.1:" + (server.port() + 1), "http://localhost:" + server.port() + ".evil.example")) {
            error(send(to("/accounts").header("Origin", origin).GET()), 403, "Origin");
            error(send(post("/operations", validUpsert(1)).header("Origin", origin).header("Authorization", bearer())),
                    403, "Origin");
        }
        assertThat(operationCount()).isEqualTo(before);
    }

    @Test
    void ownOriginIsAllowed() throws Exception {
        for (String origin : List.of("http://127.0.0.1:" + server.port(), "http://localhost:" + server.port(),
                "http://[::1]:" + server.port())) {
            assertThat(send(to("/accounts").header("Origin", origin).GET()).statusCode()).as(origin).isEqualTo(200);
        }
    }

    @Test
    void nonJsonContentTypeIs415() throws Exception {
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
                "application/json; charset=iso-8859-1", "application/jsonx")) {
            HttpResponse<String> r = send(to("/operations").header("Content-Type", type)
                    .header("Authorization", bearer()).POST(HttpRequest.BodyPublishers.ofString(validUpsert(1))));
            error(r, 415, "Content-Type");
        }
        HttpResponse<String> none = send(to("/operations").header("Authorization", bearer())
                .POST(HttpRequest.BodyPublishers.ofString(validUpsert(1))));
        error(none, 415, "Content-Type");
        // A charset parameter is fine.
        HttpResponse<String> withCharset = send(to("/operations").header("Content-Type", "application/json;charset=UTF-8")
                .header("Authorization", bearer()).POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(withCharset.statusCode()).isEqualTo(400);
        assertThat(json.readObject(withCharset.body())).containsEntry("field", "type");
    }

    @Test
    void anAnswerThatLeavesTheBodyUnreadClosesTheConnectionAndSaysSo() throws Exception {
        // Without the header a client reuses the connection that Jetty is about to close, and its
        // next POST reads nothing (seen in CI as "header parser received no bytes").
        String body = validUpsert(1);
        String host = "Host: 127.0.0.1:" + server.port() + "\r\n";
        String length = "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n";
        List<String> refused = List.of(
                "POST /api/operations HTTP/1.1\r\n" + host + "Content-Type: text/plain\r\nAuthorization: " + bearer() + "\r\n",
                "POST /api/operations HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n",
                "POST /elsewhere HTTP/1.1\r\n" + host + "Content-Type: application/json\r\nAuthorization: " + bearer() + "\r\n",
                "POST /ui/ HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n");
        for (String head : refused) {
            // Keep-alive is HTTP/1.1's default: only the server's answer can end this exchange.
            RawHttp.Answer a = RawHttp.sendRaw(server.port(), (head + length).getBytes(StandardCharsets.ISO_8859_1),
                    body.getBytes(StandardCharsets.UTF_8));
            answers.add(a.text());
            assertThat(a.status()).as(head).isBetween(400, 499);
            String headers = a.text().substring(0, a.text().indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
            assertThat(headers).as(head).contains("\r\nconnection: close");
        }
    }

    @Test
    void oversizedBodyIs413() throws Exception {
        int before = operationCount();
        String auth = "Authorization: " + bearer() + "\r\n";
        // A declared length over the limit is refused before the body is read (none is sent here).
        RawHttp.Answer declared = RawHttp.send(server.port(), "POST /api/operations HTTP/1.1\r\nHost: 127.0.0.1:"
                + server.port() + "\r\nContent-Type: application/json\r\n" + auth
                + "Content-Length: " + (ApiServer.MAX_BODY_BYTES + 1) + "\r\n", null);
        answers.add(declared.text());
        assertThat(declared.status()).isEqualTo(413);
        assertThat(json.readObject(declared.body())).containsEntry("field", "body").containsEntry("status", 413);

        // Without a declared length (chunked) the limit applies while reading.
        int size = ApiServer.MAX_BODY_BYTES + 1;
        RawHttp.Answer chunked = RawHttp.sendRaw(server.port(),
                ("POST /api/operations HTTP/1.1\r\nHost: 127.0.0.1:" + server.port()
                        + "\r\nContent-Type: application/json\r\n" + auth
                        + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                        + Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1),
                "x".repeat(size).getBytes(StandardCharsets.ISO_8859_1),
                "\r\n0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        answers.add(chunked.text());
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(json.readObject(chunked.body())).containsEntry("field", "body");
        assertThat(operationCount()).isEqualTo(before);
    }

    @Test
    void unknownPathsAreJson404() throws Exception {
        error(send(to("/nope").GET()), 404, "path");
        // "/" itself now leads to the cluster view (ClusterViewHttpTest); other paths outside /api are still 404.
        HttpResponse<String> outside = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/nope")).GET());
        error(outside, 404, "path");
    }

    @Test
    void errorsJettyRaisesItselfAreJsonToo() throws Exception {
        HttpResponse<String> big = send(to("/accounts").header("X-Big", "a".repeat(20_000)).GET());
        assertThat(big.statusCode()).isEqualTo(431);
        assertThat(big.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(json.readObject(big.body())).containsEntry("status", 431);

        RawHttp.Answer badQuery = RawHttp.send(server.port(), "GET /api/loadBalancers?account=%zz HTTP/1.1\r\nHost: 127.0.0.1:"
                + server.port() + "\r\n", null);
        assertThat(badQuery.status()).isEqualTo(400);
        assertThat(json.readObject(badQuery.body())).containsEntry("status", 400);
    }

    @Test
    void tokenFileIsOwnerOnly() throws Exception {
        Path file = server.tokenFile();
        assertThat(file).isEqualTo(tmp.resolve("state").resolve("token"));
        assertThat(Files.readString(file).trim()).isEqualTo(server.token().value());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    @Test
    void listensOnLoopbackOnly() throws Exception {
        Optional<InetAddress> external = NetworkInterface.networkInterfaces()
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst();
        org.junit.jupiter.api.Assumptions.assumeTrue(external.isPresent(), "no non-loopback address on this machine");
        try (Socket s = new Socket()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> s.connect(new InetSocketAddress(external.get(), server.port()), 5_000))
                    .isInstanceOf(IOException.class);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
