package io.clusterdeploy.provider.kubernetes.sim;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;

/**
 * A small Kubernetes cluster for tests: the fabric8 mock API server in CRUD mode (which has no controllers), and
 * around it a ReplicaSet controller with garbage collection, a kubelet running pods as real sample-app processes, an
 * EndpointSlice controller and a kube-proxy per namespace. The provider under test reaches the API server through
 * a {@link FaultProxy}, which logs its requests and injects faults on demand; the simulated components talk to the
 * mock directly, as a cluster's own components would.
 */
public final class SimCluster implements AutoCloseable {
    // The mock logs every request through java.util.logging at INFO; the fault proxy's log is the one tests read.
    private static final java.util.logging.Logger MOCK_LOG = quiet("io.fabric8.mockwebserver");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.WARNING);
        return logger;
    }

    private final KubernetesMockServer server;
    private final KubernetesClient controllers;
    private final FaultProxy proxy;
    private final List<AutoCloseable> parts = new ArrayList<>();
    private final java.util.Map<String, Kubelet> kubelets = new HashMap<>();
    private final java.util.Map<String, KubeProxy> kubeProxies = new HashMap<>();

    /** API server only: no controllers, no pods run (for validation and request-log tests). */
    public static SimCluster apiOnly() {
        return new SimCluster(List.of(), Duration.ZERO);
    }

    /** The whole cluster for {@code namespaces}, with kube-proxies acting {@code propagationDelay} after a change. */
    public static SimCluster running(List<String> namespaces, Duration propagationDelay) {
        return new SimCluster(namespaces, propagationDelay);
    }

    private SimCluster(List<String> namespaces, Duration propagationDelay) {
        server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init(InetAddress.getLoopbackAddress(), 0);
        controllers = server.createClient();
        try {
            proxy = new FaultProxy(server.getPort(), 42);
            Path logs = Files.createTempDirectory("sim-cluster-pods");
            for (String ns : namespaces) {
                Kubelet kubelet = new Kubelet(controllers, ns, logs);
                kubelets.put(ns, kubelet);
                parts.add(kubelet);
                parts.add(new ReplicaSetController(controllers, ns));
                parts.add(new EndpointSliceController(controllers, ns, kubelet));
                KubeProxy kp = new KubeProxy(controllers, ns, propagationDelay);
                kubeProxies.put(ns, kp);
                parts.add(kp);
            }
        } catch (IOException e) {
            close();
            throw new UncheckedIOException(e);
        }
    }

    /** The API server URL the provider uses: through the fault proxy. */
    public String apiUrl() {
        return proxy.url();
    }

    public FaultProxy proxy() {
        return proxy;
    }

    public KubernetesMockServer mock() {
        return server;
    }

    /** A client straight to the API server, for tests that look at the cluster as an administrator would. */
    public KubernetesClient admin() {
        return controllers;
    }

    /** Where a Service of {@code namespace} is reached through the kube-proxy. */
    public Optional<String> serviceAddress(String namespace, String service) {
        KubeProxy kp = kubeProxies.get(namespace);
        return kp == null ? Optional.empty() : kp.address(service);
    }

    /** True while the kubelet runs a process for the named pod. */
    public boolean podRunning(String namespace, String pod) {
        Kubelet k = kubelets.get(namespace);
        return k != null && k.running(pod);
    }

    @Override
    public void close() {
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                // Test teardown: go on with the others.
            }
        }
        if (proxy != null) {
            proxy.close();
        }
        controllers.close();
        try {
            server.destroy();
        } catch (IllegalStateException e) {
            // Vert.x did not close its connections within its own timeout (a slow, shared machine); the port is
            // released with the JVM. Nothing of the test's outcome depends on it.
            org.slf4j.LoggerFactory.getLogger(SimCluster.class).warn("mock API server did not stop cleanly: {}",
                    e.getMessage());
        }
    }
}
