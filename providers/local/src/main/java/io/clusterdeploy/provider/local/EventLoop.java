package io.clusterdeploy.provider.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread of a load balancer: a selector over the client connections handed to it and their
 * connections to instances, with its own pool of idle instance connections (no other thread touches
 * them, so nothing here is locked). The thread is started when the first connection arrives and ends
 * once it has had no client connection for the idle time; the next connection starts it again.
 */
final class EventLoop {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
    private static final long SWEEP_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final LocalLoadBalancer balancer;
    private final String threadName;
    private final long idleNanos;
    private final Selector selector;
    private final Queue<SocketChannel> incoming = new ConcurrentLinkedQueue<>();
    private final Set<ClientConnection> clients = new HashSet<>();
    private final Map<InstanceProcess, ArrayDeque<BackendConnection>> idle = new IdentityHashMap<>();
    private final Object lifecycle = new Object();
    private boolean running; // guarded by lifecycle
    private Thread thread; // guarded by lifecycle
    private volatile boolean stopping;
    private volatile boolean forced;
    private long now = System.nanoTime();
    private long epochSecond = System.currentTimeMillis() / 1000;

    EventLoop(LocalLoadBalancer balancer, int index, long idleNanos) {
        this.balancer = balancer;
        this.threadName = "lb-" + balancer.name() + "-" + index;
        this.idleNanos = idleNanos;
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Selector selector() {
        return selector;
    }

    /** The time of the current round of events (System.nanoTime), shared by everything it handles. */
    long now() {
        return now;
    }

    long epochSecond() {
        return epochSecond;
    }

    boolean stopping() {
        return stopping;
    }

    /** From the acceptor: a new client connection for this loop, whose thread is started if it is not running. */
    void hand(SocketChannel channel) {
        incoming.add(channel);
        synchronized (lifecycle) {
            if (!running) {
                running = true;
                thread = new Thread(this::run, threadName);
                thread.setDaemon(true);
                thread.start();
                return;
            }
        }
        selector.wakeup();
    }

    boolean isRunning() {
        synchronized (lifecycle) {
            return running;
        }
    }

    /** Asks the loop to let its exchanges finish and end; {@code force} closes everything at once. */
    void stop(boolean force) {
        stopping = true;
        if (force) {
            forced = true;
        }
        selector.wakeup();
    }

    /** Waits until the thread has ended; true when it has. */
    boolean await(long millis) throws InterruptedException {
        Thread t;
        synchronized (lifecycle) {
            t = thread;
        }
        if (t != null) {
            t.join(Math.max(1, millis));
            return !t.isAlive();
        }
        return true;
    }

    void closeSelector() {
        try {
            selector.close();
        } catch (IOException e) {
            LOG.debug("closing the selector of {}", threadName, e);
        }
    }

    private void run() {
        long lastSweep = System.nanoTime();
        long lastBusy = lastSweep;
        try {
            while (true) {
                selector.select(this::dispatch, 1000);
                now = System.nanoTime();
                epochSecond = System.currentTimeMillis() / 1000;
                SocketChannel channel;
                while ((channel = incoming.poll()) != null) {
                    register(channel);
                }
                if (forced) {
                    closeEverything();
                    if (exit()) {
                        return;
                    }
                    continue;
                }
                if (now - lastSweep >= SWEEP_NANOS) {
                    lastSweep = now;
                    sweep();
                }
                if (!clients.isEmpty()) {
                    lastBusy = now;
                } else if ((stopping || now - lastBusy >= idleNanos) && exit()) {
                    return;
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.error("event loop {} failed; its connections are closed", threadName, e);
            closeEverything();
            synchronized (lifecycle) {
                running = false;
            }
        } catch (IOException e) {
            LOG.error("event loop {} cannot select; its connections are closed", threadName, e);
            closeEverything();
            synchronized (lifecycle) {
                running = false;
            }
        }
    }

    /** Ends the thread unless a connection has just been handed over. */
    private boolean exit() {
        synchronized (lifecycle) {
            if (!incoming.isEmpty()) {
                return false;
            }
            closeIdle();
            running = false;
            return true;
        }
    }

    private void dispatch(SelectionKey key) {
        // The keys of one select are handled inside it: each event is timed when its handling starts.
        now = System.nanoTime();
        epochSecond = System.currentTimeMillis() / 1000;
        if (key.isValid()) {
            ((Endpoint) key.attachment()).ready(key.readyOps());
        }
    }

    private void register(SocketChannel channel) {
        if (forced) {
            closeQuietly(channel);
            return;
        }
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            String address = channel.getRemoteAddress() instanceof InetSocketAddress a
                    ? a.getAddress().getHostAddress() : "127.0.0.1";
            ClientConnection client = new ClientConnection(channel, this, balancer, address);
            client.key = channel.register(selector, SelectionKey.OP_READ, client);
            clients.add(client);
            if (stopping) {
                client.stopGracefully();
            }
        } catch (IOException e) {
            closeQuietly(channel);
        }
    }

    void removed(ClientConnection client) {
        clients.remove(client);
    }

    /** An idle connection to the instance, most recently used first; null when there is none. */
    BackendConnection checkout(InstanceProcess instance) {
        ArrayDeque<BackendConnection> pool = idle.get(instance);
        if (pool == null) {
            return null;
        }
        BackendConnection backend;
        while ((backend = pool.pollLast()) != null) {
            if (!backend.closed) {
                backend.reused = true;
                return backend;
            }
        }
        return null;
    }

    /**
     * How many idle connections to one instance a loop with {@code clients} client connections keeps: one per
     * client. A client has at most one request in an instance at a time, so the loop can never use more
     * connections to one instance at once than it has clients, and any fixed bound below that closes
     * connections that the next round of requests opens again (a bound of 64 closed about 1,000 a 10 s run at
     * 256 clients over two loops and two instances, each one a connect and an accept later). The pool follows
     * demand down by age, not by the client count of the moment (clients that reconnect, or a pause between
     * bursts, would empty it): it is used from its young end, so what demand no longer reaches ages at the old
     * end and is closed after {@link LocalLoadBalancer#POOL_IDLE_NANOS}, below the instances' own idle timeout
     * (the JDK server's 30 s), as HAProxy's pool-purge-delay does. Idle descriptors stay bounded by the most
     * clients of the last such period × the instances behind the load balancer; an instance that keeps fewer
     * idle connections closes the rest itself, which costs a retry on a fresh connection, never a failed request.
     */
    static int idleLimit(int clients) {
        return Math.max(1, clients);
    }

    /** A connection whose answer is complete goes back to the pool (unless it is full or the loop stops). */
    void checkin(BackendConnection backend) {
        if (stopping) {
            backend.close();
            return;
        }
        ArrayDeque<BackendConnection> pool = idle.computeIfAbsent(backend.instance, i -> new ArrayDeque<>());
        if (pool.size() >= idleLimit(clients.size())) {
            backend.close();
            return;
        }
        backend.owner = null;
        backend.idleSince = now;
        backend.inStart = backend.inEnd = 0;
        backend.interest(SelectionKey.OP_READ);
        pool.addLast(backend);
    }

    /** An idle connection became readable: the instance closed it (or sent something unasked). */
    void discardIdle(BackendConnection backend) {
        backend.close();
        ArrayDeque<BackendConnection> pool = idle.get(backend.instance);
        if (pool != null) {
            pool.remove(backend);
        }
    }

    private void sweep() {
        List<ClientConnection> all = new ArrayList<>(clients);
        for (ClientConnection client : all) {
            if (stopping) {
                client.stopGracefully();
            }
            if (!client.closed) {
                client.checkTimeouts(now);
            }
        }
        for (Iterator<ArrayDeque<BackendConnection>> it = idle.values().iterator(); it.hasNext(); ) {
            ArrayDeque<BackendConnection> pool = it.next();
            // Oldest first: the pool is used from its young end.
            while (!pool.isEmpty() && (pool.peekFirst().closed
                    || now - pool.peekFirst().idleSince > LocalLoadBalancer.POOL_IDLE_NANOS)) {
                pool.pollFirst().close();
            }
            if (pool.isEmpty()) {
                it.remove();
            }
        }
    }

    private void closeIdle() {
        idle.values().forEach(pool -> pool.forEach(BackendConnection::close));
        idle.clear();
    }

    private void closeEverything() {
        new ArrayList<>(clients).forEach(ClientConnection::abort);
        clients.clear();
        closeIdle();
        SocketChannel channel;
        while ((channel = incoming.poll()) != null) {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // Already gone.
        }
    }
}
