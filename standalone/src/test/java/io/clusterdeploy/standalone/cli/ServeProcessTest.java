package io.clusterdeploy.standalone.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.clusterdeploy.standalone.demo.SampleAppCommand;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
    @TempDir
    Path tmp;

    private ServeProcess server;

    @AfterEach
    void kill() {
        if (server != null) {
            server.close();
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
        server = ServeProcess.start(config, tmp.resolve("stderr.txt"));
        String token = server.token();
        assertThat(server.url()).isNotNull();
        assertThat(Files.readString(state.resolve("token")).trim()).isEqualTo(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("token"))))
                .isEqualTo("rw-------");
        assertThat(server.stdout.stream().filter(l -> l.contains(token))).as("token printed once").hasSize(1);

        // The banner's sign-in link opens a session, once, on the server's own host name.
        Pattern signIn = Pattern.compile("^Sign in to act: +(http://(s-[a-z2-7]{20}\\.localhost):(\\d+)/ui/sign-in#(\\S+))$");
        await().atMost(Duration.ofSeconds(30)).until(() -> server.stdout.stream().anyMatch(l -> signIn.matcher(l).matches()));
        Matcher link = server.stdout.stream().map(signIn::matcher).filter(Matcher::matches).findFirst().orElseThrow();
        String code = link.group(4);
        String body = "{\"code\":\"" + code + "\"}";
        String request = "POST /api/session HTTP/1.1\r\nHost: " + link.group(2) + ":" + link.group(3)
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\nConnection: close\r\n\r\n" + body;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(link.group(3)))) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 201").contains("Set-Cookie: cd_session=").contains("HttpOnly");
        }

        String id = server.start(Map.of("type", "deploy", "account", "local", "application", "proc",
                "capacity", Map.of("min", 2, "desired", 2, "max", 2), "spec", SampleAppCommand.spec("v1")));
        assertThat(server.awaitEnd(id, Duration.ofSeconds(90))).isEqualTo("SUCCEEDED");
        List<ProcessHandle> instances = new ArrayList<>(server.process.descendants().toList());
        assertThat(instances).as("two sample app instances").hasSizeGreaterThanOrEqualTo(2);

        server.process.destroy(); // SIGTERM

        await().atMost(Duration.ofSeconds(90)).until(() -> !server.process.isAlive());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(instances).as("no orphan instance").noneMatch(ProcessHandle::isAlive));
        assertThat(Files.readString(tmp.resolve("stderr.txt"))).doesNotContain(token).doesNotContain(code);
    }
}
