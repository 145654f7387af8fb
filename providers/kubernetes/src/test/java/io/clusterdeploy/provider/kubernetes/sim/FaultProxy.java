package io.clusterdeploy.provider.kubernetes.sim;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loopback HTTP/1.1 proxy between the provider's client and the API server (the mock) that logs every request and
 * can make a share of them fail as a real network and API server do: a 503 or a 429 without forwarding, a dropped
 * connection without forwarding, or (for writes) the request forwarded and applied but its response lost. Each
 * request gets a connection of its own ({@code Connection: close}), so that a fault hits exactly one request.
 */
public final class FaultProxy implements AutoCloseable {
    /** What happened to one request. */
    public enum Fate { FORWARDED, ERROR_503, TOO_MANY_429, DROPPED, RESPONSE_LOST }

    /** One request as the proxy saw it. */
    public record Entry(String method, String path, Fate fate, String authorization, int status) {
        public boolean write() {
            return !method.equals("GET");
        }

        public boolean watch() {
            return path.contains("watch=true") || path.contains("watch=1");
        }
    }

    private final int upstreamPort;
    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(Kubelet.daemon("fault-proxy"));
    private final ConcurrentLinkedQueue<Entry> log = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private Random random; // guarded by this
    private volatile double faultRate;

    public FaultProxy(int upstreamPort, long seed) throws IOException {
        this.upstreamPort = upstreamPort;
        this.random = new Random(seed);
        this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        threads.submit(this::acceptLoop);
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    /** The share of requests (0..1) that fail from now on, drawn from {@code seed} (printed by tests to rerun). */
    public synchronized void faultRate(double rate, long seed) {
        this.random = new Random(seed);
        this.faultRate = rate;
    }

    public List<Entry> log() {
        return List.copyOf(log);
    }

    public void clearLog() {
        log.clear();
    }

    private void acceptLoop() {
        while (running.get()) {
            try {
                Socket client = server.accept();
                threads.submit(() -> handle(client));
            } catch (IOException e) {
                if (running.get()) {
                    continue;
                }
                return;
            }
        }
    }

    private Fate decide(boolean write) {
        double rate = faultRate;
        synchronized (this) {
            if (rate <= 0 || random.nextDouble() >= rate) {
                return Fate.FORWARDED;
            }
            Fate[] kinds = write ? new Fate[] {Fate.ERROR_503, Fate.TOO_MANY_429, Fate.DROPPED, Fate.RESPONSE_LOST}
                    : new Fate[] {Fate.ERROR_503, Fate.TOO_MANY_429, Fate.DROPPED};
            return kinds[random.nextInt(kinds.length)];
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            byte[] head = readHead(in);
            if (head == null) {
                return;
            }
            String text = new String(head, StandardCharsets.ISO_8859_1);
            String[] lines = text.split("\r\n");
            String[] requestLine = lines[0].split(" ");
            String method = requestLine[0];
            String path = requestLine.length > 1 ? requestLine[1] : "/";
            long length = 0;
            String authorization = null;
            boolean upgrade = text.toLowerCase(Locale.ROOT).contains("\r\nupgrade: websocket");
            StringBuilder rewritten = new StringBuilder(lines[0]).append("\r\n");
            for (int i = 1; i < lines.length; i++) {
                String line = lines[i];
                int colon = line.indexOf(':');
                String name = colon < 0 ? line : line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = colon < 0 ? "" : line.substring(colon + 1).trim();
                if (name.equals("content-length")) {
                    length = Long.parseLong(value);
                }
                if (name.equals("authorization")) {
                    authorization = value;
                }
                if (!upgrade && (name.equals("connection") || name.equals("keep-alive")) || name.isEmpty()) {
                    continue;
                }
                rewritten.append(line).append("\r\n");
            }
            // A WebSocket (a watch) keeps its upgrade headers and gets both directions piped.
            rewritten.append(upgrade ? "\r\n" : "Connection: close\r\n\r\n");
            byte[] body = in.readNBytes((int) length);
            boolean write = !method.equals("GET");
            boolean watch = upgrade || path.contains("watch=true") || path.contains("watch=1");
            Fate fate = decide(write && !watch);
            OutputStream out = client.getOutputStream();
            int[] status = {fate == Fate.ERROR_503 ? 503 : fate == Fate.TOO_MANY_429 ? 429 : 0};
            try {
                forward(fate, upgrade, rewritten, body, in, out, client, status);
            } finally {
                log.add(new Entry(method, path, fate, authorization, status[0]));
            }
        } catch (IOException e) {
            // A connection torn down by either side: what a proxy sees all day.
        }
    }

    private void forward(Fate fate, boolean upgrade, StringBuilder rewritten, byte[] body, InputStream in,
                         OutputStream out, Socket client, int[] status) throws IOException {
        {
            switch (fate) {
                case ERROR_503 -> respond(out, 503, "Service Unavailable", "ServiceUnavailable");
                case TOO_MANY_429 -> respond(out, 429, "Too Many Requests", "TooManyRequests");
                case DROPPED -> client.setSoLinger(true, 0);
                case RESPONSE_LOST, FORWARDED -> {
                    try (Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
                        OutputStream up = upstream.getOutputStream();
                        up.write(rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
                        up.write(body);
                        up.flush();
                        InputStream down = upstream.getInputStream();
                        if (upgrade) {
                            InputStream fromClient = in;
                            threads.submit(() -> {
                                try {
                                    fromClient.transferTo(up);
                                } catch (IOException e) {
                                    // either side closed
                                } finally {
                                    try {
                                        upstream.shutdownOutput();
                                    } catch (IOException e) {
                                        // closed already
                                    }
                                }
                            });
                        }
                        if (fate == Fate.RESPONSE_LOST) {
                            byte[] lost = down.readAllBytes();
                            status[0] = lost.length >= 12
                                    ? Integer.parseInt(new String(lost, 9, 3, StandardCharsets.ISO_8859_1)) : 0;
                            client.setSoLinger(true, 0);
                            return;
                        }
                        byte[] buffer = new byte[16 * 1024];
                        int n;
                        boolean first = true;
                        while ((n = down.read(buffer)) >= 0) {
                            if (first && n >= 12) {
                                status[0] = Integer.parseInt(new String(buffer, 9, 3, StandardCharsets.ISO_8859_1));
                                first = false;
                            }
                            out.write(buffer, 0, n);
                            out.flush();
                        }
                    }
                }
                default -> throw new IllegalStateException(fate.name());
            }
        }
    }

    private static void respond(OutputStream out, int code, String reason, String statusReason) throws IOException {
        String body = "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"message\":\"injected fault\","
                + "\"reason\":\"" + statusReason + "\",\"code\":" + code + "}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + code + " " + reason + "\r\nContent-Type: application/json\r\nContent-Length: "
                + bytes.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
        out.write(bytes);
        out.flush();
    }

    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            // \r\n\r\n ends the head.
            state = (b == '\r' && (state == 0 || state == 2)) ? state + 1 : (b == '\n' && (state == 1 || state == 3))
                    ? state + 1 : 0;
            if (state == 4) {
                byte[] bytes = head.toByteArray();
                return java.util.Arrays.copyOf(bytes, bytes.length - 4);
            }
            if (head.size() > 64 * 1024) {
                return null;
            }
        }
        return null;
    }

    @Override
    public void close() {
        running.set(false);
        try {
            server.close();
        } catch (IOException e) {
            // closing
        }
        threads.shutdownNow();
    }

    /** Requests by "METHOD kind" for the request-count table: what a test measured. */
    public static List<String> describe(List<Entry> entries) {
        List<String> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(e.method() + " " + e.path());
        }
        return out;
    }
}
