package io.clusterdeploy.provider.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;

/**
 * A connection from the load balancer to one instance: serving one client's request at a time, or idle in
 * its event loop's pool, where any readiness means the instance closed it (or sent what nobody asked for).
 */
final class BackendConnection extends Endpoint {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    final InstanceProcess instance;
    /** The client whose request it carries; null while idle in the pool. */
    ClientConnection owner;
    boolean connecting;
    /** It served an earlier request: a failure before any answer may only mean the instance closed it meanwhile. */
    boolean reused;
    /** Bytes of an answer have arrived for the current request. */
    boolean answering;
    long idleSince;

    private BackendConnection(SocketChannel channel, EventLoop loop, InstanceProcess instance) {
        super(channel, loop);
        this.instance = instance;
    }

    /** Starts connecting to the instance; an IOException when the connection is refused at once. */
    static BackendConnection open(EventLoop loop, InstanceProcess instance) throws IOException {
        SocketChannel channel = SocketChannel.open();
        try {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
            boolean connected = channel.connect(new InetSocketAddress(LOOPBACK, instance.port()));
            BackendConnection backend = new BackendConnection(channel, loop, instance);
            backend.connecting = !connected;
            backend.key = channel.register(loop.selector(), connected ? 0 : SelectionKey.OP_CONNECT, backend);
            return backend;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    @Override
    void ready(int readyOps) {
        if (owner == null) {
            loop.discardIdle(this);
        } else {
            owner.backendReady(this, readyOps);
        }
    }
}
