package io.clusterdeploy.engine.provider;

import java.util.Map;
import java.util.Objects;

/**
 * Create or update a load balancer.
 *
 * @param name     name, e.g. {@code hello-prod}
 * @param location region, namespace or {@code local}
 * @param spec     provider-specific settings (port, health-check path, listeners ...)
 */
public record UpsertLoadBalancerRequest(String name, String location, Map<String, Object> spec) {
    public UpsertLoadBalancerRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        spec = spec == null ? Map.of() : Map.copyOf(spec);
    }
}
