package io.clusterdeploy.standalone.server;

import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The names under which this server may be addressed: loopback names with its own port, and the server's own
 * sign-in host name ({@link SignInHost}) with that port, nothing wider. The port is read when asked, because with
 * {@code --port 0} it is only known once the server listens.
 */
public final class LoopbackAuthorities {
    private static final Set<String> HOSTS = Set.of("127.0.0.1", "localhost", "[::1]");

    private final IntSupplier port;
    private final SignInHost signInHost;

    /** Loopback names only. */
    public LoopbackAuthorities(IntSupplier port) {
        this(port, null);
    }

    /** @param signInHost also accepted with our port; null for none */
    public LoopbackAuthorities(IntSupplier port, SignInHost signInHost) {
        this.port = port;
        this.signInHost = signInHost;
    }

    /** Whether {@code authority} is the sign-in host with our port: the only place a session may be opened. */
    public boolean isSignInAuthority(String authority) {
        if (signInHost == null || authority == null) {
            return false;
        }
        String a = authority.trim().toLowerCase(Locale.ROOT);
        int p = port();
        return a.equals(signInHost.name() + ":" + p) || (p == 80 && a.equals(signInHost.name()));
    }

    public int port() {
        return port.getAsInt();
    }

    /** {@code host:port} with a loopback host and our port (the port may be left out only when it is 80). */
    public boolean allowsAuthority(String authority) {
        if (authority == null) {
            return false;
        }
        String a = authority.trim().toLowerCase(Locale.ROOT);
        int p = port();
        for (String host : HOSTS) {
            if (a.equals(host + ":" + p) || (p == 80 && a.equals(host))) {
                return true;
            }
        }
        return isSignInAuthority(a);
    }

    /** {@code http://} followed by an allowed authority, exactly (no path). */
    public boolean allowsOrigin(String origin) {
        if (origin == null) {
            return false;
        }
        String o = origin.trim().toLowerCase(Locale.ROOT);
        return o.startsWith("http://") && allowsAuthority(o.substring("http://".length()));
    }
}
