package io.clusterdeploy.standalone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.standalone.Main;
import io.clusterdeploy.standalone.demo.SampleAppCommand;
import java.io.BufferedReader;
import java.io.InputStreamReader;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve} as a real process: it prints its URL and token, serves a deploy, and on SIGTERM
 * stops with every process it started.
 */
class ServeProcessTest {
    private static final Pattern URL = Pattern.compile("Cluster Deploy API: (http://127\\.0\\.0\\.1:\\d+/api)");
    private static final Pattern TOKEN = Pattern.compile("API token: +(\\S+)");

    @TempDir
    Path tmp;

    private Process server;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final Json json = new Json();

    @AfterEach
    void kill() {
        if (server != null && server.isAlive()) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
        }
    }

    @Test
    void servesUntilSigtermAndLeavesNoProcessBehind() throws Exception {
        Path state = tmp.resolve("state");
        Path config = Files.writeString(tmp.resolve("config.yaml"), """
                stateDir: %s
                accounts:
                  - name: local
                    type: local
                    stateDir: %s
                    healthCheckIntervalMillis: 100
                webhooks: []
                """.formatted(state, state.resolve("local")));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        server = new ProcessBuilder(java.toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--config", config.toString(), "--port", "0")
                .redirectError(tmp.resolve("stderr.txt").toFile())
                .start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(stdout::add);
            } catch (java.io.IOException e) {
                // The process ended.
            }
        });
        reader.setDaemon(true);
        reader.start();

        await().atMost(Duration.ofSeconds(60)).until(() -> find(TOKEN) != null || !server.isAlive());
        assertThat(server.isAlive()).as("stderr: %s", Files.readString(tmp.resolve("stderr.txt"))).isTrue();
        String url = find(URL);
        String token = find(TOKEN);
        assertThat(url).isNotNull();
        assertThat(Files.readString(state.resolve("token")).trim()).isEqualTo(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("token"))))
                .isEqualTo("rw-------");
        assertThat(stdout.stream().filter(l -> l.contains(token))).as("token printed once").hasSize(1);

        HttpClient http = HttpClient.newHttpClient();
        String deploy = json.write(Map.of("type", "deploy", "account", "local", "application", "proc",
                "capacity", Map.of("min", 2, "desired", 2, "max", 2), "spec", SampleAppCommand.spec("v1")));
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(url + "/operations"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(deploy)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String id = (String) json.readObject(started.body()).get("id");
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(json.readObject(
                http.send(HttpRequest.newBuilder(URI.create(url + "/operations/" + id)).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).body())).containsEntry("status", "SUCCEEDED"));
        List<ProcessHandle> instances = new ArrayList<>(server.descendants().toList());
        assertThat(instances).as("two sample app instances").hasSizeGreaterThanOrEqualTo(2);

        server.destroy(); // SIGTERM

        await().atMost(Duration.ofSeconds(90)).until(() -> !server.isAlive());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(instances).as("no orphan instance").noneMatch(ProcessHandle::isAlive));
        String err = Files.readString(tmp.resolve("stderr.txt"));
        assertThat(err).doesNotContain(token);
    }

    private String find(Pattern p) {
        for (String line : stdout) {
            Matcher m = p.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }
}
