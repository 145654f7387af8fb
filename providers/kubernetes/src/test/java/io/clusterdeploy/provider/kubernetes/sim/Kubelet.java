package io.clusterdeploy.provider.kubernetes.sim;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated cluster's kubelet: runs each pod's first container as a real process on loopback (all pods share
 * 127.0.0.1, so each gets a port of its own, given to it as {@code $(PORT)}), probes its readiness endpoint and
 * reports Ready in the pod's status, restarts it when it exits (CrashLoopBackOff while it backs off), and stops it
 * with SIGTERM, then SIGKILL after the grace period, when the pod is deleted.
 */
public final class Kubelet extends Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Kubelet.class);
    private static final Pattern VAR = Pattern.compile("\\$\\(([A-Za-z_][A-Za-z0-9_]*)\\)");
    private static final Duration MAX_GRACE = Duration.ofSeconds(10);

    private final KubernetesClient client;
    private final String namespace;
    private final Path logDir;
    private final SharedIndexInformer<Pod> pods;
    private final Map<String, PodRun> runs = new ConcurrentHashMap<>();
    private final ScheduledExecutorService prober = Executors.newScheduledThreadPool(2, daemon("sim-kubelet-probe"));
    private final ExecutorService stopper = Executors.newCachedThreadPool(daemon("sim-kubelet-stop"));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    Kubelet(KubernetesClient client, String namespace, Path logDir) {
        super("sim-kubelet-" + namespace, 200);
        this.client = client;
        this.namespace = namespace;
        this.logDir = logDir;
        this.pods = client.pods().inNamespace(namespace).inform(Handlers.poke(this::poke), 0);
        start();
    }

    static boolean isReady(Pod p) {
        return p.getStatus() != null && p.getStatus().getConditions() != null && p.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** The loopback port of a running pod, by uid. */
    Optional<Integer> portOf(String podUid) {
        return Optional.ofNullable(runs.get(podUid)).map(r -> r.port);
    }

    /** True while a process of a pod of this name runs. */
    public boolean running(String podName) {
        return runs.values().stream().anyMatch(r -> r.name.equals(podName) && r.alive());
    }

    @Override
    void reconcile() {
        List<Pod> all = pods.getStore().list();
        Map<String, Pod> byUid = new LinkedHashMap<>();
        all.forEach(p -> byUid.put(p.getMetadata().getUid(), p));
        for (Pod p : all) {
            if (!runs.containsKey(p.getMetadata().getUid()) && p.getMetadata().getDeletionTimestamp() == null) {
                PodRun run = new PodRun(p);
                runs.put(run.uid, run);
                run.launch();
            }
        }
        for (PodRun run : List.copyOf(runs.values())) {
            if (!byUid.containsKey(run.uid)) {
                runs.remove(run.uid);
                stopper.submit(run::stop);
            }
        }
    }

    /** One pod's process, its probe and its reported status. */
    private final class PodRun {
        final String uid;
        final String name;
        final Pod spec;
        final int port;
        final Instant started = Instant.now();
        volatile Process process;
        volatile boolean stopping;
        volatile boolean ready;
        volatile int restarts;
        volatile Instant restartAt;
        volatile PodStatus reported;

        PodRun(Pod pod) {
            this.uid = pod.getMetadata().getUid();
            this.name = pod.getMetadata().getName();
            this.spec = pod;
            this.port = freePort();
        }

        boolean alive() {
            Process p = process;
            return p != null && p.isAlive();
        }

        synchronized void launch() {
            if (stopping) {
                return;
            }
            Container c = spec.getSpec().getContainers().get(0);
            Map<String, String> env = new LinkedHashMap<>();
            if (c.getEnv() != null) {
                for (EnvVar e : c.getEnv()) {
                    env.put(e.getName(), e.getValue() == null ? "" : substitute(e.getValue(), env));
                }
            }
            env.put("PORT", String.valueOf(port));
            List<String> command = new ArrayList<>();
            if (c.getCommand() != null) {
                c.getCommand().forEach(a -> command.add(substitute(a, env)));
            }
            if (c.getArgs() != null) {
                c.getArgs().forEach(a -> command.add(substitute(a, env)));
            }
            try {
                ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logDir.resolve(name + ".log").toFile()));
                pb.environment().putAll(env);
                process = pb.start();
            } catch (IOException e) {
                LOG.warn("pod {}: cannot start {}: {}", name, command, e.getMessage());
                process = null;
            }
            probeSoon();
        }

        void probeSoon() {
            if (!stopping) {
                prober.schedule(this::probe, 150, TimeUnit.MILLISECONDS);
            }
        }

        void probe() {
            if (stopping) {
                return;
            }
            try {
                Process p = process;
                if (p == null || !p.isAlive()) {
                    ready = false;
                    if (restartAt == null) {
                        restarts++;
                        restartAt = Instant.now().plusMillis(Math.min(10_000, 500L << Math.min(restarts, 5)));
                    } else if (Instant.now().isAfter(restartAt)) {
                        restartAt = null;
                        launch();
                        return;
                    }
                } else {
                    ready = readinessPasses();
                }
                report();
            } catch (RuntimeException e) {
                LOG.debug("pod {}: probe round failed: {}", name, e.toString());
            } finally {
                probeSoon();
            }
        }

        private boolean readinessPasses() {
            Container c = spec.getSpec().getContainers().get(0);
            String path = c.getReadinessProbe() != null && c.getReadinessProbe().getHttpGet() != null
                    && c.getReadinessProbe().getHttpGet().getPath() != null
                    ? c.getReadinessProbe().getHttpGet().getPath() : "/health";
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(1)).build(), HttpResponse.BodyHandlers.discarding());
                return r.statusCode() >= 200 && r.statusCode() < 400;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        private void report() {
            Container c = spec.getSpec().getContainers().get(0);
            boolean waiting = restartAt != null;
            PodStatus status = new PodStatusBuilder()
                    .withPhase("Running").withPodIP("127.0.0.1").withHostIP("127.0.0.1")
                    .withStartTime(started.toString())
                    .withConditions(
                            new PodConditionBuilder().withType("Ready").withStatus(ready ? "True" : "False").build(),
                            new PodConditionBuilder().withType("ContainersReady").withStatus(ready ? "True" : "False")
                                    .build())
                    .withContainerStatuses(new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
                            .withReady(ready).withRestartCount(restarts).withStarted(!waiting)
                            .withState(waiting
                                    ? new ContainerStateBuilder().withNewWaiting().withReason("CrashLoopBackOff")
                                    .endWaiting().build()
                                    : new ContainerStateBuilder().withNewRunning().withStartedAt(started.toString())
                                    .endRunning().build())
                            .build())
                    .build();
            if (Objects.equals(status, reported)) {
                return;
            }
            Pod current = pods.getStore().getByKey(namespace + "/" + name);
            if (current == null || !uid.equals(current.getMetadata().getUid())) {
                return;
            }
            Pod copy = client.getKubernetesSerialization().clone(current);
            copy.setStatus(status);
            try {
                client.pods().inNamespace(namespace).resource(copy).updateStatus();
                reported = status;
            } catch (KubernetesClientException e) {
                // A conflict (the product changed labels): the next probe reports again.
            }
        }

        void stop() {
            stopping = true;
            Process p = process;
            if (p == null) {
                return;
            }
            long grace = spec.getSpec().getTerminationGracePeriodSeconds() == null ? MAX_GRACE.toSeconds()
                    : Math.min(MAX_GRACE.toSeconds(), spec.getSpec().getTerminationGracePeriodSeconds());
            p.destroy();
            try {
                if (!p.waitFor(grace, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static String substitute(String value, Map<String, String> env) {
        Matcher m = VAR.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = env.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    @Override
    public void close() {
        super.close();
        pods.stop();
        prober.shutdownNow();
        for (PodRun run : runs.values()) {
            run.stopping = true;
            Process p = run.process;
            if (p != null) {
                p.destroyForcibly();
            }
        }
        for (PodRun run : runs.values()) {
            Process p = run.process;
            if (p != null) {
                try {
                    p.waitFor(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        runs.clear();
        stopper.shutdownNow();
    }
}
