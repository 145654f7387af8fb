package io.clusterdeploy.engine.model;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable, versioned set of identical instances: an AWS Auto Scaling group, a Kubernetes
 * ReplicaSet, or a group of local processes.
 *
 * @param name           full versioned name, e.g. {@code hello-prod-v003}
 * @param moniker        the parsed parts of the name
 * @param account        account it lives in
 * @param location       region, namespace, or {@code local}
 * @param capacity       min/desired/max
 * @param instances      its instances with their health
 * @param disabled       true when it takes no traffic from its load balancers
 * @param createdTime    creation time, the basis for "newest" decisions
 * @param artifact       what it runs (image, AMI, command), for findImage and the cluster view
 * @param loadBalancers  names of the load balancers it is associated with
 * @param securityGroups names of its security groups / firewalls
 * @param tags           free-form tags (the engine uses a few of its own, see {@link #TAG_OPERATION})
 */
public record ServerGroup(
        String name,
        Moniker moniker,
        String account,
        String location,
        Capacity capacity,
        List<Instance> instances,
        boolean disabled,
        Instant createdTime,
        String artifact,
        List<String> loadBalancers,
        List<String> securityGroups,
        Map<String, String> tags) {

    /** Tag naming the operation that created the group; lets a resumed operation adopt its own work. */
    public static final String TAG_OPERATION = "cluster-deploy/operation";

    /** Newest first, by creation time and then by sequence (ties happen when clocks are coarse). */
    public static final Comparator<ServerGroup> NEWEST_FIRST = Comparator
            .comparing(ServerGroup::createdTime, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(sg -> sg.moniker().sequence() == null ? -1 : sg.moniker().sequence())
            .reversed();

    public ServerGroup {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(moniker, "moniker");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(capacity, "capacity");
        instances = List.copyOf(instances);
        loadBalancers = List.copyOf(loadBalancers);
        securityGroups = List.copyOf(securityGroups);
        tags = Map.copyOf(tags);
    }

    public boolean enabled() {
        return !disabled;
    }

    public String cluster() {
        return moniker.cluster();
    }

    public long upCount() {
        return instances.stream().filter(Instance::isUp).count();
    }

    /** An enabled group with at least one instance up: it is serving traffic. */
    public boolean isActive() {
        return !disabled && upCount() > 0;
    }
}
