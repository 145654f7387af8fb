package io.clusterdeploy.provider.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Action;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Rule;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.RuleCondition;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupTuple;

/**
 * One ELBv2 listener, simulated on a loopback port: each request follows the listener's rules in priority order
 * (path-pattern and host-header conditions), then the matching rule's forward action, weighted across target
 * groups, and goes to a healthy registered target of the chosen group, never to one that is draining. A group with
 * registered targets none of which is healthy gets them all, as an ALB fails open.
 */
final class ListenerRouter implements AutoCloseable {
    private final String listenerArn;
    private final DataPlane plane;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(16, r -> {
        Thread t = new Thread(r, "listener-router");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();
    private final AtomicInteger next = new AtomicInteger();
    private final Random random = new Random();
    private volatile List<Rule> rules = List.of();
    private volatile List<Action> defaultActions = List.of();

    ListenerRouter(String listenerArn, DataPlane plane) throws IOException {
        this.listenerArn = listenerArn;
        this.plane = plane;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(pool);
        server.createContext("/", this::route);
        server.start();
    }

    String listenerArn() {
        return listenerArn;
    }

    int port() {
        return server.getAddress().getPort();
    }

    void update(List<Action> defaults, List<Rule> listenerRules) {
        this.defaultActions = List.copyOf(defaults);
        this.rules = listenerRules.stream().filter(r -> !Boolean.TRUE.equals(r.isDefault()))
                .sorted(Comparator.comparingInt(r -> Integer.parseInt(r.priority()))).toList();
    }

    /** The target groups this listener may send to. */
    List<String> targetGroupArns() {
        List<String> out = new java.util.ArrayList<>(LoadBalancerWriter.forwardTargets(defaultActions));
        rules.forEach(r -> out.addAll(LoadBalancerWriter.forwardTargets(r.actions())));
        return out;
    }

    private void route(HttpExchange ex) throws IOException {
        try (ex) {
            List<Action> actions = defaultActions;
            for (Rule r : rules) {
                if (matches(r, ex)) {
                    actions = r.actions();
                    break;
                }
            }
            String tg = chooseTargetGroup(actions);
            if (tg == null) {
                send(ex, 503, "no forward action");
                return;
            }
            DataPlane.Target target = plane.pick(tg, next.getAndIncrement());
            if (target == null) {
                send(ex, 503, "no registered target in " + tg);
                return;
            }
            try {
                HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + target.port + ex.getRequestURI())).timeout(Duration.ofSeconds(20)).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                ex.getResponseHeaders().add("Content-Type", r.headers().firstValue("content-type").orElse("text/plain"));
                ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                try (OutputStream out = ex.getResponseBody()) {
                    out.write(r.body());
                }
            } catch (IOException e) {
                send(ex, 502, "target " + target.instanceId + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                send(ex, 502, "interrupted");
            } finally {
                target.inFlight.decrementAndGet();
            }
        }
    }

    private String chooseTargetGroup(List<Action> actions) {
        for (Action a : actions) {
            if (a.type() != ActionTypeEnum.FORWARD) {
                continue;
            }
            if (a.forwardConfig() != null && !a.forwardConfig().targetGroups().isEmpty()) {
                List<TargetGroupTuple> groups = a.forwardConfig().targetGroups();
                int total = groups.stream().mapToInt(t -> t.weight() == null ? 1 : t.weight()).sum();
                if (total <= 0) {
                    return null;
                }
                int pick = random.nextInt(total);
                for (TargetGroupTuple t : groups) {
                    pick -= t.weight() == null ? 1 : t.weight();
                    if (pick < 0) {
                        return t.targetGroupArn();
                    }
                }
            }
            return a.targetGroupArn();
        }
        return null;
    }

    private static boolean matches(Rule rule, HttpExchange ex) {
        for (RuleCondition c : rule.conditions()) {
            List<String> values = c.values() != null && !c.values().isEmpty() ? c.values()
                    : c.pathPatternConfig() != null ? c.pathPatternConfig().values()
                    : c.hostHeaderConfig() != null ? c.hostHeaderConfig().values() : List.of();
            String actual = switch (String.valueOf(c.field())) {
                case "path-pattern" -> ex.getRequestURI().getPath();
                case "host-header" -> String.valueOf(ex.getRequestHeaders().getFirst("Host")).replaceFirst(":.*", "");
                default -> null;
            };
            if (actual == null || values.stream().noneMatch(v -> glob(v).matcher(actual).matches())) {
                return false;
            }
        }
        return true;
    }

    private static Pattern glob(String g) {
        StringBuilder re = new StringBuilder();
        for (char ch : g.toCharArray()) {
            re.append(ch == '*' ? ".*" : ch == '?' ? "." : Pattern.quote(String.valueOf(ch)));
        }
        return Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE);
    }

    private static void send(HttpExchange ex, int status, String text) throws IOException {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
