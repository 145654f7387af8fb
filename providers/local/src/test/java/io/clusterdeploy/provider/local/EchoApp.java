package io.clusterdeploy.provider.local;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Executors;

/**
 * An instance for protocol tests: answers every request with its method, path, headers and body as it
 * arrived; {@code /chunked} answers in the chunked coding. Argument: the port.
 */
public final class EchoApp {
    private EchoApp() {
    }

    static List<String> command() {
        try {
            String classes = Path.of(EchoApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
            return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx32m", "-cp", classes, EchoApp.class.getName(),
                    "$PORT");
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                Integer.parseInt(args[0])), 64);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            StringBuilder text = new StringBuilder(exchange.getRequestMethod() + " " + exchange.getRequestURI() + "\n");
            new TreeMap<>(exchange.getRequestHeaders()).forEach((k, v) -> text.append(k.toLowerCase()).append(": ")
                    .append(String.join(",", v)).append('\n'));
            text.append('\n').append(new String(body, StandardCharsets.UTF_8));
            byte[] answer = text.toString().getBytes(StandardCharsets.UTF_8);
            boolean chunked = exchange.getRequestURI().getPath().equals("/chunked");
            exchange.sendResponseHeaders(200, chunked ? 0 : answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        System.out.println("echo listening on " + server.getAddress());
    }
}
