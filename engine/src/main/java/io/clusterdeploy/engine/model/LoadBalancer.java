package io.clusterdeploy.engine.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Routes traffic to the enabled server groups associated with it.
 *
 * @param name         name, e.g. {@code hello-prod}
 * @param account      account
 * @param location     region, namespace or {@code local}
 * @param address      where clients reach it (host:port, DNS name), or null
 * @param serverGroups names of the server groups associated with it
 * @param settings     provider settings that may be shown (health-check path, ports)
 */
public record LoadBalancer(
        String name, String account, String location, String address,
        List<String> serverGroups, Map<String, Object> settings) {
    public LoadBalancer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(location, "location");
        serverGroups = List.copyOf(serverGroups);
        settings = Map.copyOf(settings);
    }
}
