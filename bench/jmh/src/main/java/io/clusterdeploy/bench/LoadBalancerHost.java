package io.clusterdeploy.bench;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import io.clusterdeploy.provider.local.LocalProvider;
import io.clusterdeploy.provider.local.LocalProviderFactory;
import io.clusterdeploy.sample.HelloApp;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The process bench/lb.sh measures: a local provider with load balancer {@code bench} on the given port in
 * front of a group of sample-app instances, and {@code unrelated} other server groups that are not behind
 * it (capacity 0: no processes, so that they cost the machine nothing but the router's attention).
 * Prints one {@code BACKEND host:port} line per instance (HAProxy is given the same ones), then
 * {@code READY}; then answers commands on stdin: {@code threads} prints how many load balancer threads
 * live, {@code connections} how many connections to instances the load balancer has opened and how many
 * requests it sent again since it started, {@code unrelated N} makes the number of unrelated groups N; end
 * of input closes the provider, which stops the instances.
 *
 * <p>Arguments: state directory, port, instances, unrelated groups.
 */
public final class LoadBalancerHost {
    private LoadBalancerHost() {
    }

    public static void main(String[] args) throws Exception {
        Path stateDir = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int instances = Integer.parseInt(args[2]);
        int unrelated = Integer.parseInt(args[3]);
        LocalProvider provider = (LocalProvider) new LocalProviderFactory().create("bench",
                Map.of("stateDir", stateDir.toString(), "healthCheckIntervalMillis", 250), SecretResolver.NONE);
        // Killed rather than told to stop, the host still stops the instances it started.
        Runtime.getRuntime().addShutdownHook(new Thread(provider::close, "close-provider"));
        try {
            provider.upsertLoadBalancer(new UpsertLoadBalancerRequest("bench", "local", Map.of("port", port)));
            int others = setUnrelated(provider, 0, unrelated);
            provider.createServerGroup(new CreateServerGroupRequest("bench-v001", "local", Capacity.fixed(instances),
                    List.of("bench"), List.of(), Map.of("command", command()), Map.of()));
            List<Instance> up = awaitUp(provider, instances);
            up.forEach(i -> System.out.println("BACKEND " + i.address()));
            System.out.println("READY");
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] words = line.trim().split(" ");
                if (words[0].equals("threads")) {
                    System.out.println("THREADS " + loadBalancerThreads());
                } else if (words[0].equals("connections")) {
                    System.out.println("CONNECTIONS " + counters(provider));
                } else if (words[0].equals("unrelated")) {
                    others = setUnrelated(provider, others, Integer.parseInt(words[1]));
                    System.out.println("UNRELATED " + others);
                }
                System.out.flush();
            }
        } finally {
            provider.close();
        }
    }

    /** Creates or destroys unrelated groups (capacity 0, behind no load balancer) until there are {@code wanted}. */
    private static int setUnrelated(LocalProvider provider, int current, int wanted) throws Exception {
        for (int i = current + 1; i <= wanted; i++) {
            provider.createServerGroup(new CreateServerGroupRequest("other" + i + "-v001", "local",
                    Capacity.fixed(0), List.of(), List.of(), Map.of("command", command()), Map.of()));
        }
        for (int i = current; i > wanted; i--) {
            provider.destroy("local", "other" + i + "-v001");
        }
        return wanted;
    }

    /**
     * The load balancer's own counters, "opened/retries": read reflectively because they are package-private
     * diagnostics of the provider (its tests read them), not part of its API.
     */
    private static String counters(LocalProvider provider) throws ReflectiveOperationException {
        Method find = LocalProvider.class.getDeclaredMethod("loadBalancer", String.class);
        find.setAccessible(true);
        Object lb = find.invoke(provider, "bench");
        Method opened = lb.getClass().getDeclaredMethod("backendConnectionsOpened");
        Method retries = lb.getClass().getDeclaredMethod("retries");
        opened.setAccessible(true);
        retries.setAccessible(true);
        return opened.invoke(lb) + "/" + retries.invoke(lb);
    }

    /** Threads of the load balancer (the names the provider gives them start with "lb-"). */
    private static long loadBalancerThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("lb-")).count();
    }

    private static List<Instance> awaitUp(LocalProvider provider, int instances) throws InterruptedException {
        // A benchmark set-up, not a test: bounded by the script's own timeout.
        while (true) {
            ServerGroup group = provider.serverGroup("local", "bench-v001").orElseThrow();
            List<Instance> up = new ArrayList<>(group.instances().stream()
                    .filter(i -> i.health() == HealthState.UP).toList());
            if (up.size() == instances) {
                return up;
            }
            Thread.sleep(50);
        }
    }

    private static List<String> command() throws Exception {
        String sampleApp = Path.of(HelloApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        // Peak speed: the backends run with the full JIT, as a service would. Both arms keep their connections to
        // the same two backends alive (up to 256 each): the JDK server's default of 200 idle connections would make
        // a backend close the connections of whichever arm runs after the other, and measure that instead.
        return List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx64m", "-cp", sampleApp, HelloApp.class.getName(),
                "--port", "$PORT", "--version", "v1", "--instance-id", "$INSTANCE_ID",
                "--max-idle-connections", "2048");
    }
}
