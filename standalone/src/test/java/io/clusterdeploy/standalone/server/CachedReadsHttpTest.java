package io.clusterdeploy.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.json.Json;
import java.io.ByteArrayInputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cluster view's reads over HTTP: an ETag, 304 for an unchanged view, and gzip when the client takes it. */
class CachedReadsHttpTest {
    @TempDir
    Path tmp;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Json json = new Json();

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void readsCarryAnEtagAnswer304WhenUnchangedAndAreGzippedOnceAsked() throws Exception {
        try (StandaloneServer server = TestServer.start(tmp.resolve("state"))) {
            String api = server.url();
            // Enough load balancers for a body worth compressing.
            for (int i = 0; i < 12; i++) {
                Map<String, Object> op = Map.of("type", "upsertLoadBalancer", "account", "local",
                        "name", "hello-lb" + i, "spec", Map.of("port", freePort()));
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(api + "/operations"))
                        .header("Authorization", "Bearer " + server.token().value())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.write(op))).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(202);
                server.engine().operations().awaitFinished((String) json.readObject(r.body()).get("id"),
                        Duration.ofSeconds(60));
            }
            HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(api + "/loadBalancers")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).isEqualTo(200);
            String etag = plain.headers().firstValue("ETag").orElseThrow();
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(plain.body().length()).isGreaterThan(1024);
            assertThat(json.read(plain.body(), List.class)).hasSize(12);

            HttpResponse<String> unchanged = http.send(HttpRequest.newBuilder(URI.create(api + "/loadBalancers"))
                    .header("If-None-Match", etag).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(unchanged.statusCode()).isEqualTo(304);
            assertThat(unchanged.body()).isEmpty();
            assertThat(unchanged.headers().firstValue("ETag")).hasValue(etag);

            HttpResponse<byte[]> zipped = http.send(HttpRequest.newBuilder(URI.create(api + "/loadBalancers"))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(zipped.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(zipped.headers().firstValue("Vary")).hasValue("Accept-Encoding");
            assertThat(zipped.body().length).isLessThan(plain.body().length());
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(zipped.body()))) {
                assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(plain.body());
            }
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(api + "/loadBalancers"))
                    .header("Accept-Encoding", "gzip;q=0").build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.headers().firstValue("Content-Encoding")).isEmpty();
        }
    }
}
