package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.error.ClusterDeployException;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A load balancer: an embedded Jetty reverse proxy on a fixed loopback port. */
final class LocalLoadBalancer {
    private static final Logger LOG = LoggerFactory.getLogger(LocalLoadBalancer.class);
    private static final long STOP_TIMEOUT_MILLIS = 5_000;

    private final String name;
    private final int port;
    private final Server server;

    private LocalLoadBalancer(String name, int port, Server server) {
        this.name = name;
        this.port = port;
        this.server = server;
    }

    /** Listens on 127.0.0.1:port; INVALID_INPUT on {@code spec.port} when the port cannot be bound. */
    static LocalLoadBalancer start(String name, int port, RoundRobinRouter router) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("lb-" + name);
        threads.setDaemon(true);
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(port);
        server.addConnector(connector);
        // Graceful: a stop (close, or moving to another port) lets requests in flight finish first, bounded.
        server.setHandler(new GracefulHandler(new RoutingHandler(name, router, new BackendProxyHandler(name))));
        server.setStopTimeout(STOP_TIMEOUT_MILLIS);
        try {
            server.start();
        } catch (Exception e) {
            stopQuietly(name, server);
            throw ClusterDeployException.invalid("spec.port",
                    "load balancer '" + name + "' cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        LOG.info("load balancer {} listening on 127.0.0.1:{}", name, port);
        return new LocalLoadBalancer(name, port, server);
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    void stop() {
        stopQuietly(name, server);
    }

    private static void stopQuietly(String name, Server server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.warn("stopping load balancer {} failed", name, e);
        }
    }
}
