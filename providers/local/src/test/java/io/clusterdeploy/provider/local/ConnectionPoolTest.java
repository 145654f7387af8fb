package io.clusterdeploy.provider.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.LoadBalancer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool of connections to instances follows the clients: many clients at once, kept alive, behind an
 * instance that keeps every connection, cost no more connections to the instance than there are clients,
 * however many rounds of requests they send (a pool bounded below the client count closed and reopened
 * connections every round).
 */
class ConnectionPoolTest {
    /** More than two event loops' worth of the old fixed bound of 64 per loop and instance. */
    private static final int CLIENTS = 200;
    private static final int ROUNDS = 3;

    @TempDir
    Path stateDir;
    private ProviderFixture fx;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void start() {
        fx = new ProviderFixture(stateDir);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        fx.close();
    }

    @Test
    void keptAliveClientsNeverCostMoreInstanceConnectionsThanThereAreClients() throws Exception {
        LoadBalancer lb = fx.loadBalancer("hello");
        // Answers take 300 ms, so each round's requests are in the instance together; the instance keeps
        // every idle connection (the JDK server's default is 200) for longer than the test runs.
        fx.deploy("hello-v001", 1, List.of("hello"), SampleApp.command("v1", "--latency-ms", "300",
                "--max-idle-connections", "2048", "--idle-timeout-seconds", "600"));
        fx.awaitAll("hello-v001", 1, HealthState.UP);
        String[] hostPort = lb.address().split(":");
        for (int i = 0; i < CLIENTS; i++) {
            Socket s = new Socket();
            s.connect(new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1])), 5_000);
            s.setSoTimeout(60_000);
            sockets.add(s);
        }
        byte[] request = ("GET / HTTP/1.1\r\nHost: " + lb.address() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        List<String> statuses = new ArrayList<>();
        for (int round = 0; round < ROUNDS; round++) {
            for (Socket s : sockets) {
                OutputStream out = s.getOutputStream();
                out.write(request);
                out.flush();
            }
            for (Socket s : sockets) {
                statuses.add(readAnswer(s.getInputStream()));
            }
        }

        assertThat(statuses).hasSize(CLIENTS * ROUNDS).containsOnly("HTTP/1.1 200 OK");
        LocalLoadBalancer balancer = fx.provider.loadBalancer("hello");
        // Each client has at most one request in the instance at a time and the instance closed nothing, so a
        // pool that keeps one connection per client never needs another.
        assertThat(balancer.backendConnectionsOpened()).isPositive().isLessThanOrEqualTo(CLIENTS);
        assertThat(balancer.retries()).isZero();
    }

    /** Reads one answer framed by Content-Length; returns its status line. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the load balancer closed the connection in an answer's head: " + head);
            }
            head.write(b);
            matched = b == "\r\n\r\n".charAt(matched) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        long length = -1;
        for (String line : lines) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        if (length < 0) {
            throw new IOException("an answer without Content-Length: " + lines[0]);
        }
        for (long left = length; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("the load balancer closed the connection in an answer's body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
        return lines[0];
    }
}
