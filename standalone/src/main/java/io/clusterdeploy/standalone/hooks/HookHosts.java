package io.clusterdeploy.standalone.hooks;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Where rolling red/black's validation hooks may connect: loopback, and only the hosts and networks the
 * configuration file names ({@code validationHooks.allowedHosts}). Requests are written by API users, the
 * configuration by whoever runs the server: a request must not make the server call an internal service.
 * The rule is checked on the URL's host when the request comes in and on the resolved address of every
 * connection (so a name that resolves elsewhere later is refused then).
 *
 * @param hostNames host names allowed to resolve to any address (lower case)
 * @param networks  address ranges any host may connect to
 */
public record HookHosts(Set<String> hostNames, List<Network> networks) {

    public HookHosts {
        hostNames = Set.copyOf(hostNames);
        networks = List.copyOf(networks);
    }

    /** The default: loopback only. */
    public static HookHosts loopbackOnly() {
        return new HookHosts(Set.of(), List.of());
    }

    /** An address range, {@code 10.0.0.0/8} or {@code fd00::/8}. */
    public record Network(InetAddress base, int prefix) {
        boolean contains(InetAddress a) {
            byte[] x = a.getAddress();
            byte[] b = base.getAddress();
            if (x.length != b.length) {
                return false;
            }
            int bits = x.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)
                    .shiftRight(prefix).not().and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE));
            return new BigInteger(1, x).and(mask).equals(new BigInteger(1, b).and(mask));
        }

        @Override
        public String toString() {
            return base.getHostAddress() + "/" + prefix;
        }
    }

    /** Reads {@code validationHooks: {allowedHosts: [...]}}: host names, IP addresses and CIDR ranges. */
    public static HookHosts parse(Fields f) {
        Set<String> names = new TreeSet<>();
        List<Network> networks = new ArrayList<>();
        List<String> entries = f.optionalStringList("allowedHosts");
        f.rejectUnknown();
        for (int i = 0; i < entries.size(); i++) {
            String field = f.path("allowedHosts") + "[" + i + "]";
            String entry = entries.get(i).trim().toLowerCase(Locale.ROOT);
            if (entry.contains("/")) {
                networks.add(network(field, entry));
            } else if (literal(entry)) {
                networks.add(network(field, entry + (entry.contains(":") ? "/128" : "/32")));
            } else if (entry.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*")) {
                names.add(entry);
            } else {
                throw ClusterDeployException.invalid(field, field + ": '" + entries.get(i)
                        + "' is not a host name, an IP address or a CIDR range");
            }
        }
        return new HookHosts(names, networks);
    }

    private static boolean literal(String s) {
        return s.matches("[0-9.]+") || s.contains(":");
    }

    private static Network network(String field, String cidr) {
        String[] parts = cidr.split("/", 2);
        try {
            if (!literal(parts[0]) || !parts[1].matches("[0-9]{1,3}")) {
                throw new UnknownHostException(cidr);
            }
            InetAddress base = InetAddress.getByName(parts[0]); // a literal: no lookup
            int prefix = Integer.parseInt(parts[1]);
            if (prefix > base.getAddress().length * 8) {
                throw new UnknownHostException(cidr);
            }
            return new Network(base, prefix);
        } catch (UnknownHostException | RuntimeException e) {
            throw ClusterDeployException.invalid(field, field + ": '" + cidr + "' is not a CIDR range");
        }
    }

    /** The URL's host may be used at all (checked when a request comes in): loopback, or configured. */
    public boolean allowsHost(String host) {
        String h = strip(host).toLowerCase(Locale.ROOT);
        if (h.equals("localhost") || hostNames.contains(h)) {
            return true;
        }
        if (!literal(h)) {
            return false; // a name not listed: only its resolved addresses could make it acceptable, and they may change
        }
        try {
            InetAddress a = InetAddress.getByName(h);
            return a.isLoopbackAddress() || networks.stream().anyMatch(n -> n.contains(a));
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** One resolved address of {@code host} may be connected to. */
    public boolean allows(String host, InetAddress address) {
        return address.isLoopbackAddress() || hostNames.contains(strip(host).toLowerCase(Locale.ROOT))
                || networks.stream().anyMatch(n -> n.contains(address));
    }

    private static String strip(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** For messages: what the configuration allows besides loopback. */
    public String describe() {
        List<String> all = new ArrayList<>(hostNames);
        networks.forEach(n -> all.add(n.toString()));
        return all.isEmpty() ? "loopback only" : "loopback and " + String.join(", ", all);
    }
}
