package io.clusterdeploy.provider.aws;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands between the provider and moto: it counts every AWS call by action, fails unimplemented actions loudly
 * (moto answers them with an empty HTTP 500, which a client would retry), injects faults (throttling, 5xx,
 * connections dropped before or after moto saw the request), and lets the simulated data plane answer for what
 * moto does not simulate (target health) and refuse what AWS refuses (a second group of the same name).
 */
final class MotoProxy implements AutoCloseable {
    /** One AWS call as it arrived. */
    record Call(String service, String action, Map<String, String> params) {
        String key() {
            return service + ":" + action;
        }

        boolean mutating() {
            return !(action.startsWith("Describe") || action.startsWith("Get") || action.startsWith("List"));
        }
    }

    /** An HTTP answer. */
    record Answer(int status, String contentType, byte[] body) {
        static Answer xml(int status, String body) {
            return new Answer(status, "text/xml", body.getBytes(StandardCharsets.UTF_8));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What the data plane and the tests plug in. */
    interface Hooks {
        /** An answer given instead of moto's, or empty to forward. */
        default Optional<Answer> before(Call call) {
            return Optional.empty();
        }

        /** Moto's answer, possibly rewritten; called after moto handled the call. */
        default Answer after(Call call, Answer answer) {
            return answer;
        }
    }

    enum Fault { THROTTLE, SERVER_ERROR, DROP_BEFORE, DROP_AFTER }

    private static final java.util.Set<String> HOP_BY_HOP = java.util.Set.of("connection", "content-length", "expect",
            "upgrade", "transfer-encoding", "keep-alive", "te", "trailer", "proxy-connection");
    private static final Pattern SERVICE = Pattern.compile("Credential=[^/]+/[^/]+/[^/]+/([^/]+)/aws4_request");

    private final String moto;
    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "moto-proxy");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<String> unimplemented = new CopyOnWriteArrayList<>();
    private final Map<Fault, AtomicInteger> injected = new ConcurrentHashMap<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private volatile Hooks hooks = new Hooks() { };
    private volatile double faultRate;
    private volatile Random random = new Random(1);
    private volatile boolean running = true;
    private final Map<String, Fault> failNext = new ConcurrentHashMap<>();

    MotoProxy(String motoEndpoint) throws IOException {
        this.moto = motoEndpoint;
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.execute(this::acceptLoop);
    }

    String endpoint() {
        return "http://127.0.0.1:" + socket.getLocalPort();
    }

    void hooks(Hooks hooks) {
        this.hooks = hooks;
    }

    /** From now on {@code rate} of the calls fail, each way equally likely; 0 turns faults off. */
    void faults(double rate, long seed) {
        this.random = new Random(seed);
        this.faultRate = rate;
    }

    /** The next call of {@code action} fails with {@code fault} (once). */
    void failNext(String action, Fault fault) {
        failNext.put(action, fault);
    }

    Map<Fault, Integer> injected() {
        Map<Fault, Integer> out = new TreeMap<>();
        injected.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    /** Calls by {@code service:Action} since the last {@link #clearCounts()}, faulted attempts included. */
    Map<String, Integer> counts() {
        Map<String, Integer> out = new TreeMap<>();
        counts.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    int total() {
        return counts.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    /** Every call, in order of arrival. */
    List<Call> calls() {
        return List.copyOf(calls);
    }

    void clearCounts() {
        counts.clear();
        calls.clear();
    }

    /** Calls moto does not implement, or on which moto itself failed: any of them fails a test. */
    List<String> unimplemented() {
        return List.copyOf(unimplemented);
    }

    private void acceptLoop() {
        while (running) {
            try {
                Socket s = socket.accept();
                open.add(s);
                pool.execute(() -> serve(s));
            } catch (IOException e) {
                if (running) {
                    System.err.println("moto proxy: " + e);
                }
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = new BufferedInputStream(s.getInputStream()); OutputStream out = s.getOutputStream()) {
            while (running) {
                Request request = Request.read(in);
                if (request == null) {
                    return;
                }
                if (!handle(request, out)) {
                    return; // dropped
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            open.remove(s);
        }
    }

    /** False when the connection is to be dropped. */
    private boolean handle(Request request, OutputStream out) throws IOException {
        // Smithy RPC v2 CBOR (the SDK's CloudWatch): moto understands only the JSON protocol, so the request goes
        // on as JSON (SmithyCbor) and moto's answer comes back as CBOR.
        boolean cbor = request.path.startsWith("/service/") && request.path.contains("/operation/");
        if (cbor) {
            request = request.asJson();
        }
        // The JSON protocol names its action in X-Amz-Target; its body is kept whole under "json".
        String target = request.headers.get("x-amz-target");
        Map<String, String> params = target != null ? new LinkedHashMap<>(Map.of("json",
                new String(request.body, StandardCharsets.UTF_8))) : form(request.body);
        if (request.query != null) {
            params.putAll(form(request.query.getBytes(StandardCharsets.UTF_8)));
        }
        String service = Optional.ofNullable(request.headers.get("authorization")).map(SERVICE::matcher)
                .filter(Matcher::find).map(m -> m.group(1)).orElse("unknown");
        String action = target != null ? target.substring(target.lastIndexOf('.') + 1) : params.getOrDefault("Action", "?");
        Call call = new Call(service, action, params);
        counts.computeIfAbsent(call.key(), k -> new AtomicInteger()).incrementAndGet();
        calls.add(call);
        Fault fault = failNext.remove(call.action());
        synchronized (this) {
            if (fault == null && faultRate > 0 && random.nextDouble() < faultRate) {
                fault = Fault.values()[random.nextInt(Fault.values().length)];
            }
        }
        if (fault != null) {
            injected.computeIfAbsent(fault, k -> new AtomicInteger()).incrementAndGet();
            switch (fault) {
                case THROTTLE -> {
                    write(out, throttling(service));
                    return true;
                }
                case SERVER_ERROR -> {
                    write(out, Answer.xml(503, error(service, "ServiceUnavailable", "Service is unavailable (injected)")));
                    return true;
                }
                case DROP_BEFORE -> {
                    return false;
                }
                case DROP_AFTER -> {
                    forward(request, call);
                    return false;
                }
            }
        }
        Answer answer = forward(request, call);
        write(out, cbor ? new Answer(answer.status(), "application/cbor", SmithyCbor.toCbor(answer.body().length == 0
                ? "{}".getBytes(StandardCharsets.UTF_8) : answer.body())) : answer);
        return true;
    }

    private Answer forward(Request request, Call call) throws IOException {
        Optional<Answer> instead = hooks.before(call);
        if (instead.isPresent()) {
            return instead.get();
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(moto + request.path + (request.query == null ? ""
                : "?" + request.query))).timeout(Duration.ofSeconds(60))
                .method(request.method, HttpRequest.BodyPublishers.ofByteArray(request.body));
        // Every header the SDK signed goes on as it came (moto checks signatures when its IAM enforcement is on).
        for (Map.Entry<String, String> h : request.headers.entrySet()) {
            if (!HOP_BY_HOP.contains(h.getKey())) {
                b.header(h.getKey(), h.getValue());
            }
        }
        HttpResponse<byte[]> r;
        try {
            r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        Answer answer = new Answer(r.statusCode(), r.headers().firstValue("content-type").orElse("text/xml"), r.body());
        if (r.statusCode() == 500 && r.body().length == 0) {
            // moto's way of saying "not implemented": never let a client retry it, and make the test fail.
            unimplemented.add(call.key());
            return Answer.xml(400, error(call.service(), "NotImplementedByMoto", call.key()
                    + " is not implemented by moto; the provider must not depend on it"));
        }
        if (r.statusCode() == 500) {
            // moto itself broke on a request AWS would take (an assertion in moto, say): as loud, but passed on.
            unimplemented.add(call.key() + " (moto failed: see its log)");
        }
        return hooks.after(call, answer);
    }

    static String error(String service, String code, String message) {
        if (service.equals("ec2")) {
            return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error><Code>" + code + "</Code><Message>"
                    + message + "</Message></Error></Errors><RequestID>proxy</RequestID></Response>";
        }
        return "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                + "</Message></Error><RequestId>proxy</RequestId></ErrorResponse>";
    }

    private static Answer throttling(String service) {
        return service.equals("ec2") ? Answer.xml(503, error(service, "RequestLimitExceeded", "Request limit exceeded."))
                : Answer.xml(400, error(service, "Throttling", "Rate exceeded"));
    }

    private static void write(OutputStream out, Answer a) throws IOException {
        String head = "HTTP/1.1 " + a.status() + " " + (a.status() == 200 ? "OK" : "Error") + "\r\nContent-Type: "
                + a.contentType() + "\r\nContent-Length: " + a.body().length + "\r\nx-amzn-RequestId: proxy\r\n"
                + (a.contentType().equals("application/cbor") ? "smithy-protocol: rpc-v2-cbor\r\n" : "") + "\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(a.body());
        out.flush();
    }

    static Map<String, String> form(byte[] body) {
        Map<String, String> out = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        if (text.isEmpty()) {
            return out;
        }
        for (String pair : text.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.put(k, v);
        }
        return out;
    }

    /** The values of a query list parameter ({@code Prefix.member.N} or {@code Prefix.N}), in order. */
    static List<String> list(Map<String, String> params, String prefix) {
        Map<Integer, String> byIndex = new TreeMap<>();
        Pattern p = Pattern.compile(Pattern.quote(prefix) + "\\.(?:member\\.)?(\\d+)");
        params.forEach((k, v) -> {
            Matcher m = p.matcher(k);
            if (m.matches()) {
                byIndex.put(Integer.parseInt(m.group(1)), v);
            }
        });
        return new ArrayList<>(byIndex.values());
    }

    @Override
    public void close() {
        running = false;
        try {
            socket.close();
        } catch (IOException e) {
            // closing
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing
            }
        }
        pool.shutdownNow();
    }

    /** A minimal HTTP/1.1 request reader: what the SDK sends (Content-Length or chunked bodies). */
    private record Request(String method, String path, String query, Map<String, String> headers, byte[] body) {
        /** A Smithy RPC v2 CBOR request as the same operation in the JSON protocol, headers otherwise as sent. */
        Request asJson() {
            String[] parts = path.split("/");
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.remove("smithy-protocol");
            h.remove("accept");
            h.put("content-type", "application/x-amz-json-1.0");
            h.put("x-amz-target", parts[2] + "." + parts[4]);
            return new Request(method, "/", query, Collections.unmodifiableMap(h), SmithyCbor.toJson(body));
        }

        static Request read(InputStream in) throws IOException {
            String line = readLine(in);
            if (line == null || line.isEmpty()) {
                return null;
            }
            String[] parts = line.split(" ");
            String target = parts[1];
            int q = target.indexOf('?');
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
                int c = h.indexOf(':');
                headers.put(h.substring(0, c).trim().toLowerCase(Locale.ROOT), h.substring(c + 1).trim());
            }
            byte[] body;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                ByteArrayOutputStream buf = new ByteArrayOutputStream();
                while (true) {
                    int size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16);
                    if (size == 0) {
                        readLine(in);
                        break;
                    }
                    buf.write(in.readNBytes(size));
                    readLine(in);
                }
                body = buf.toByteArray();
            } else {
                body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            }
            return new Request(parts[0], q < 0 ? target : target.substring(0, q), q < 0 ? null : target.substring(q + 1),
                    Collections.unmodifiableMap(headers), body);
        }

        private static String readLine(InputStream in) throws IOException {
            StringBuilder sb = new StringBuilder();
            int c;
            while ((c = in.read()) != -1) {
                if (c == '\n') {
                    int len = sb.length();
                    return len > 0 && sb.charAt(len - 1) == '\r' ? sb.substring(0, len - 1) : sb.toString();
                }
                sb.append((char) c);
            }
            return sb.length() == 0 ? null : sb.toString();
        }
    }
}
