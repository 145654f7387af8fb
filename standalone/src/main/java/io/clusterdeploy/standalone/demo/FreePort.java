package io.clusterdeploy.standalone.demo;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** A loopback port nobody listens on right now, for the demo's load balancer (which needs a fixed port). */
final class FreePort {
    private FreePort() {
    }

    static int find() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new DemoException("no free loopback port: " + e.getMessage(), e);
        }
    }
}
