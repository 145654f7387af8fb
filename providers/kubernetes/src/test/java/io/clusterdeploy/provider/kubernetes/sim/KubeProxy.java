package io.clusterdeploy.provider.kubernetes.sim;

import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.transport.HttpClientTransportDynamic;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.proxy.ProxyHandler;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The simulated cluster's kube-proxy: one loopback reverse proxy per Service, sending each request round-robin to
 * the endpoints its EndpointSlices list as ready. Like a real kube-proxy it acts on a slice change only after a
 * delay (its sync period plus the watch's latency), {@code propagationDelay}, 1 s by default: the window in which
 * a disabled pod still receives requests.
 */
public final class KubeProxy implements AutoCloseable {
    private final Duration propagationDelay;
    private final SharedIndexInformer<Service> services;
    private final SharedIndexInformer<EndpointSlice> slices;
    private final Map<String, ServiceProxy> proxies = new ConcurrentHashMap<>();
    private final ScheduledExecutorService delayed = Executors.newSingleThreadScheduledExecutor(
            Kubelet.daemon("sim-kube-proxy-sync"));

    KubeProxy(KubernetesClient client, String namespace, Duration propagationDelay) {
        this.propagationDelay = propagationDelay;
        this.slices = client.discovery().v1().endpointSlices().inNamespace(namespace)
                .inform(Handlers.poke(this::slicesChanged), 0);
        this.services = client.services().inNamespace(namespace).inform(Handlers.poke(this::servicesChanged), 0);
        servicesChanged();
    }

    /** Where clients reach a Service through this kube-proxy, host:port. */
    public Optional<String> address(String service) {
        return Optional.ofNullable(proxies.get(service)).map(p -> "127.0.0.1:" + p.port());
    }

    private synchronized void servicesChanged() {
        for (Service s : services.getStore().list()) {
            proxies.computeIfAbsent(s.getMetadata().getName(), ServiceProxy::start);
        }
        slicesChanged();
    }

    private void slicesChanged() {
        List<EndpointSlice> now = slices.getStore().list();
        Map<String, List<String>> snapshot = new java.util.HashMap<>();
        proxies.keySet().forEach(svc -> snapshot.put(svc, EndpointSliceController.readyBackends(now, svc)));
        // Applied later, in order: what this proxy knows lags the slices by the propagation delay.
        delayed.schedule(() -> snapshot.forEach((svc, backends) -> {
            ServiceProxy p = proxies.get(svc);
            if (p != null) {
                p.backends = backends;
            }
        }), propagationDelay.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        services.stop();
        slices.stop();
        delayed.shutdownNow();
        proxies.values().forEach(ServiceProxy::stop);
    }

    /** One Service's listener. */
    private static final class ServiceProxy {
        private final String service;
        private final AtomicInteger next = new AtomicInteger();
        private Server server;
        volatile List<String> backends = List.of();

        private ServiceProxy(String service) {
            this.service = service;
        }

        static ServiceProxy start(String service) {
            ServiceProxy p = new ServiceProxy(service);
            p.listen();
            return p;
        }

        int port() {
            return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
        }

        private void listen() {
            QueuedThreadPool threads = new QueuedThreadPool();
            threads.setName("sim-kube-proxy-" + service);
            threads.setDaemon(true);
            server = new Server(threads);
            ServerConnector connector = new ServerConnector(server);
            connector.setHost("127.0.0.1");
            connector.setPort(0);
            server.addConnector(connector);
            ProxyHandler.Reverse proxy = new ProxyHandler.Reverse(request -> {
                String backend = (String) request.getAttribute("sim.backend");
                return HttpURI.build(request.getHttpURI()).scheme("http").host(backend.substring(0, backend.indexOf(':')))
                        .port(Integer.parseInt(backend.substring(backend.indexOf(':') + 1)));
            }) {
                @Override
                protected HttpClient newHttpClient() {
                    QueuedThreadPool t = new QueuedThreadPool();
                    t.setName("sim-kube-proxy-" + service + "-client");
                    t.setDaemon(true);
                    ClientConnector c = new ClientConnector();
                    c.setExecutor(t);
                    HttpClient client = new HttpClient(new HttpClientTransportDynamic(c));
                    // Below the sample app's idle close, so no pooled connection is reused as the backend drops it.
                    client.setIdleTimeout(10_000);
                    client.setConnectTimeout(5_000);
                    return client;
                }
            };
            proxy.setViaHost("sim-kube-proxy");
            server.setHandler(new Handler.Wrapper(proxy) {
                @Override
                public boolean handle(Request request, Response response, Callback callback) throws Exception {
                    List<String> now = backends;
                    if (now.isEmpty()) {
                        Response.writeError(request, response, callback, HttpStatus.SERVICE_UNAVAILABLE_503,
                                "no ready endpoint behind Service " + service);
                        return true;
                    }
                    request.setAttribute("sim.backend", now.get(Math.floorMod(next.getAndIncrement(), now.size())));
                    return super.handle(request, response, callback);
                }
            });
            try {
                server.start();
            } catch (Exception e) {
                throw new IllegalStateException("kube-proxy for " + service + " cannot listen", e);
            }
        }

        void stop() {
            try {
                server.stop();
            } catch (Exception e) {
                // Test teardown.
            }
        }
    }
}
