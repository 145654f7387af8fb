package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A load balancer: a non-blocking HTTP/1.1 reverse proxy on a fixed loopback port. One acceptor thread
 * hands connections in turn to at most {@link #eventLoops()} event loops, each a thread that starts with
 * its first connection and ends after {@link #DEFAULT_LOOP_IDLE} without any: under load the load
 * balancer has 1 + {@code eventLoops} threads, idle it has 1. Routing is its {@link Router}'s; see
 * {@link ClientConnection} for the exchange and its retries. Why not Jetty's proxy: docs/performance.md.
 */
final class LocalLoadBalancer {
    static final Duration DEFAULT_LOOP_IDLE = Duration.ofSeconds(30);
    static final long CONNECT_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(5);
    /** An instance silent this long while a request waits for it gets the request a 504. */
    static final long BACKEND_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** A client idle between requests this long, or not reading its answer, is closed. */
    static final long CLIENT_IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);
    /** Pooled instance connections idle this long are closed: below the JDK HTTP server's 30 s. */
    static final long POOL_IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private static final Logger LOG = LoggerFactory.getLogger(LocalLoadBalancer.class);
    private static final long STOP_TIMEOUT_MILLIS = 5_000;
    private static final int BACKLOG = 1024;

    private final String name;
    private final int port;
    private final Router router;
    private final ServerSocketChannel server;
    private final EventLoop[] loops;
    private final Thread acceptor;
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong backendConnections = new AtomicLong();

    private LocalLoadBalancer(String name, int port, Router router, ServerSocketChannel server, Duration loopIdle) {
        this.name = name;
        this.port = port;
        this.router = router;
        this.server = server;
        this.loops = new EventLoop[eventLoops()];
        for (int i = 0; i < loops.length; i++) {
            loops[i] = new EventLoop(this, i, loopIdle.toNanos());
        }
        this.acceptor = new Thread(this::accept, "lb-" + name + "-acceptor");
        acceptor.setDaemon(true);
    }

    /** Event loops per load balancer: one per core, at most 4. */
    static int eventLoops() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** Listens on 127.0.0.1:port; INVALID_INPUT on {@code spec.port} when the port cannot be bound. */
    static LocalLoadBalancer start(String name, int port, Router router) {
        return start(name, port, router, DEFAULT_LOOP_IDLE);
    }

    static LocalLoadBalancer start(String name, int port, Router router, Duration loopIdle) {
        ServerSocketChannel server = null;
        try {
            server = ServerSocketChannel.open();
            // As Jetty did: a load balancer started again on its port is not refused for the old one's TIME_WAITs.
            server.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        } catch (IOException e) {
            if (server != null) {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // Not bound: nothing to release.
                }
            }
            throw ClusterDeployException.invalid("spec.port",
                    "load balancer '" + name + "' cannot listen on 127.0.0.1:" + port + ": " + e.getMessage());
        }
        LocalLoadBalancer lb = new LocalLoadBalancer(name, port, router, server, loopIdle);
        lb.acceptor.start();
        LOG.info("load balancer {} listening on 127.0.0.1:{}", name, port);
        return lb;
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    Router router() {
        return router;
    }

    String address() {
        return "127.0.0.1:" + port;
    }

    /** Counts a request sent again after a failed attempt. */
    void retried() {
        retries.incrementAndGet();
    }

    /** Counts a connection opened to an instance. */
    void backendConnectionOpened() {
        backendConnections.incrementAndGet();
    }

    /** How many connections to instances it has opened since the start. */
    long backendConnectionsOpened() {
        return backendConnections.get();
    }

    /** How many requests were sent again after a failed attempt, since the start. */
    long retries() {
        return retries.get();
    }

    /** Threads running now: the acceptor and the event loops that have connections or had them lately. */
    int threads() {
        int n = acceptor.isAlive() ? 1 : 0;
        for (EventLoop loop : loops) {
            n += loop.isRunning() ? 1 : 0;
        }
        return n;
    }

    private void accept() {
        int next = 0;
        while (true) {
            SocketChannel channel;
            try {
                channel = server.accept();
            } catch (ClosedChannelException e) {
                return;
            } catch (IOException e) {
                // Out of file descriptors, typically: wait a little rather than spin.
                LOG.warn("load balancer {} cannot accept a connection: {}", name, e.getMessage());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    return;
                }
                continue;
            }
            loops[next].hand(channel);
            next = (next + 1) % loops.length;
        }
    }

    /**
     * Stops listening, lets the requests in flight finish (up to 5 s; connections close after their
     * answer), then closes whatever is left.
     */
    void stop() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.warn("closing the listening socket of load balancer {} failed", name, e);
        }
        try {
            acceptor.join(STOP_TIMEOUT_MILLIS);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STOP_TIMEOUT_MILLIS);
            for (EventLoop loop : loops) {
                loop.stop(false);
            }
            boolean ended = true;
            for (EventLoop loop : loops) {
                ended &= loop.await(TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
            }
            if (!ended) {
                LOG.warn("load balancer {}: requests still in flight after {} ms are cut off", name, STOP_TIMEOUT_MILLIS);
                for (EventLoop loop : loops) {
                    loop.stop(true);
                }
                for (EventLoop loop : loops) {
                    loop.await(STOP_TIMEOUT_MILLIS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            for (EventLoop loop : loops) {
                loop.stop(true);
            }
        }
        for (EventLoop loop : loops) {
            loop.closeSelector();
        }
    }
}
