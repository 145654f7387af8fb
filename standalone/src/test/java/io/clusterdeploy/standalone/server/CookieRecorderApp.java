package io.clusterdeploy.standalone.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Executors;

/**
 * A tiny app for the local provider to deploy behind its load balancer: it appends every request's Host and Cookie
 * headers to a file, and sets a cookie of its own ({@code probe}) so that a test can see cookies do reach it through
 * the load balancer. {@code /health} answers 200.
 *
 * <p>Arguments: {@code <port> <file>}.
 */
public final class CookieRecorderApp {
    private CookieRecorderApp() {
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        Path file = Path.of(args[1]);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            if (!path.equals("/health")) {
                List<String> cookies = exchange.getRequestHeaders().getOrDefault("Cookie", List.of());
                String line = "Host: " + exchange.getRequestHeaders().getFirst("Host") + " | Cookie: "
                        + (cookies.isEmpty() ? "(none)" : String.join("; ", cookies)) + "\n";
                synchronized (CookieRecorderApp.class) {
                    Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                            StandardOpenOption.APPEND);
                }
                exchange.getResponseHeaders().add("Set-Cookie", "probe=seen; Path=/");
            }
            byte[] body = "recorded\n".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** The local provider's spec that runs this app on {@code $PORT}, recording into {@code file}. */
    static java.util.Map<String, Object> spec(Path file) throws java.net.URISyntaxException {
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // Only this class's own folder: the app needs nothing but the JDK.
        String classes = Path.of(CookieRecorderApp.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        return java.util.Map.of("command", List.of(javaBinary, "-Xmx32m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", classes, CookieRecorderApp.class.getName(), "$PORT",
                file.toString()), "healthCheckPath", "/health");
    }
}
