package io.clusterdeploy.provider.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Hands out free loopback ports for instances. The operating system picks a free port; ports
 * handed out and not yet released are never handed out twice, even if their process has not bound
 * them yet. Another program may still take a port before the instance binds it: the instance then
 * exits and is replaced on a new port.
 */
final class PortAllocator {
    private static final int ATTEMPTS = 50;
    private final Set<Integer> taken = ConcurrentHashMap.newKeySet();

    int allocate() {
        for (int i = 0; i < ATTEMPTS; i++) {
            int port = freePort();
            if (taken.add(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port after " + ATTEMPTS + " attempts");
    }

    /** Marks a port as taken by an adopted instance that already listens on it. */
    void reserve(int port) {
        taken.add(port);
    }

    void release(int port) {
        taken.remove(port);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free loopback port", e);
        }
    }
}
