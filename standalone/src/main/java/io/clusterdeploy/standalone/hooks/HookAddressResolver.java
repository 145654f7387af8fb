package io.clusterdeploy.standalone.hooks;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * Resolves a hook's host for every connection the HTTP client opens and keeps only the addresses
 * {@link HookHosts} allows, so the check holds for the address actually connected to, not just for the
 * name in the URL.
 */
final class HookAddressResolver implements SocketAddressResolver {
    private final HookHosts hosts;

    HookAddressResolver(HookHosts hosts) {
        this.hosts = hosts;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        try {
            List<InetSocketAddress> allowed = new ArrayList<>();
            List<String> refused = new ArrayList<>();
            for (InetAddress a : InetAddress.getAllByName(host)) {
                if (hosts.allows(host, a)) {
                    allowed.add(new InetSocketAddress(a, port));
                } else {
                    refused.add(a.getHostAddress());
                }
            }
            if (allowed.isEmpty()) {
                promise.failed(new UnknownHostException("validation hook host " + host + " resolves to " + refused
                        + ", which the configuration does not allow (" + hosts.describe() + ")"));
                return;
            }
            promise.succeeded(allowed);
        } catch (UnknownHostException e) {
            promise.failed(e);
        }
    }
}
