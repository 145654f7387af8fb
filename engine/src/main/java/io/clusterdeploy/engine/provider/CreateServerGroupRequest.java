package io.clusterdeploy.engine.provider;

import io.clusterdeploy.engine.model.Capacity;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a provider needs to create one server group. The engine decides the name; the shape of
 * {@code spec} belongs to the provider (a command for local, a manifest for Kubernetes, a launch
 * template for AWS) and travels through the engine as plain JSON-compatible maps and lists.
 *
 * @param name           full versioned name chosen by the engine, e.g. {@code hello-prod-v001}
 * @param location       region, namespace or {@code local}
 * @param capacity       initial capacity
 * @param loadBalancers  load balancers to associate with
 * @param securityGroups security groups
 * @param spec           provider-specific deploy input
 * @param tags           tags to record on the group (the engine adds its operation id)
 */
public record CreateServerGroupRequest(
        String name,
        String location,
        Capacity capacity,
        List<String> loadBalancers,
        List<String> securityGroups,
        Map<String, Object> spec,
        Map<String, String> tags) {
    public CreateServerGroupRequest {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(capacity, "capacity");
        loadBalancers = loadBalancers == null ? List.of() : List.copyOf(loadBalancers);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
        spec = spec == null ? Map.of() : Map.copyOf(spec);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }
}
