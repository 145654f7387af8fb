package io.clusterdeploy.standalone.cli;

import static org.awaitility.Awaitility.await;

import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.standalone.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code cluster-deploy serve} as a separate JVM, and a client of its API. */
final class ServeProcess implements AutoCloseable {
    private static final Pattern URL = Pattern.compile("Cluster Deploy API: (http://127\\.0\\.0\\.1:\\d+/api)");
    private static final Pattern TOKEN = Pattern.compile("API token: +(\\S+)");

    final Process process;
    final List<String> stdout = new CopyOnWriteArrayList<>();
    final Path stderr;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Json json = new Json();

    private ServeProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                r.lines().forEach(stdout::add);
            } catch (IOException e) {
                // The process ended.
            }
        });
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code serve --config config --port 0} and waits until it prints its token. */
    static ServeProcess start(Path config, Path stderr) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "serve", "--config", config.toString(), "--port", "0")
                .redirectError(stderr.toFile())
                .start();
        ServeProcess s = new ServeProcess(p, stderr);
        await().atMost(Duration.ofSeconds(60)).until(() -> s.find(TOKEN) != null || !p.isAlive());
        if (!p.isAlive()) {
            throw new IllegalStateException("serve exited: " + Files.readString(stderr));
        }
        return s;
    }

    String url() {
        return find(URL);
    }

    String token() {
        return find(TOKEN);
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

    HttpResponse<String> post(String path, Object body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path))
                .header("Authorization", "Bearer " + token()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.write(body))).build(), HttpResponse.BodyHandlers.ofString());
    }

    String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(url() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    Map<String, Object> getObject(String path) throws IOException, InterruptedException {
        return json.readObject(get(path));
    }

    /** Starts an operation and returns its id. */
    String start(Map<String, Object> request) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/operations", request);
        if (r.statusCode() != 202) {
            throw new IllegalStateException(r.statusCode() + " " + r.body());
        }
        return (String) json.readObject(r.body()).get("id");
    }

    /** Waits until the operation ended and returns its status. */
    String awaitEnd(String id, Duration timeout) {
        String[] status = new String[1];
        await().atMost(timeout).until(() -> {
            status[0] = (String) getObject("/operations/" + id).get("status");
            return !"RUNNING".equals(status[0]);
        });
        return status[0];
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
