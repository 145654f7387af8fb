package io.clusterdeploy.provider.kubernetes;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.Moniker;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.provider.kubernetes.cache.NamespaceCache;
import io.clusterdeploy.provider.kubernetes.manifest.DeploySpec;
import io.clusterdeploy.provider.kubernetes.manifest.Keys;
import io.clusterdeploy.provider.kubernetes.manifest.KubernetesNames;
import io.clusterdeploy.provider.kubernetes.manifest.LoadBalancerSpec;
import io.clusterdeploy.provider.kubernetes.manifest.NetworkPolicies;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creating, resizing and deleting the ReplicaSets that are server groups. */
final class ServerGroups {
    private static final Logger LOG = LoggerFactory.getLogger(ServerGroups.class);

    private final String account;
    private final KubernetesClient client;
    private final Writes writes;
    private final Waits waits;
    private final ModelMapper mapper;
    private final Traffic traffic;
    private final Services services;
    private final Clock clock;

    ServerGroups(String account, KubernetesClient client, Writes writes, Waits waits, ModelMapper mapper,
                 Traffic traffic, Services services, Clock clock) {
        this.account = account;
        this.client = client;
        this.writes = writes;
        this.waits = waits;
        this.mapper = mapper;
        this.traffic = traffic;
        this.services = services;
        this.clock = clock;
    }

    /** Every check a deploy needs, against the cache only: nothing is written, nothing is requested. */
    DeploySpec validate(NamespaceCache cache, CreateServerGroupRequest request) {
        ServerGroupName name = ServerGroupName.parse(request.name());
        KubernetesNames.requireClusterName("name", name.clusterName());
        KubernetesNames.requireServerGroupName("name", request.name());
        DeploySpec spec = DeploySpec.parse(request.spec());
        if (spec.namespace() != null && !spec.namespace().equals(cache.namespace())) {
            throw ClusterDeployException.invalid("spec.manifest.metadata.namespace", "spec.manifest.metadata.namespace:"
                    + " the manifest names namespace '" + spec.namespace() + "' but the deploy goes to '"
                    + cache.namespace() + "'");
        }
        Set<String> workloadKeys = new HashSet<>(spec.templateLabels().keySet());
        workloadKeys.addAll(spec.labels().keySet());
        Map<String, LoadBalancerSpec> declared = new LinkedHashMap<>();
        for (int i = 0; i < spec.services().size(); i++) {
            LoadBalancerSpec s = spec.services().get(i);
            if (declared.put(s.name(), s) != null) {
                throw ClusterDeployException.invalid("spec.services[" + i + "].name", "spec.services[" + i
                        + "].name: Service '" + s.name() + "' is listed twice");
            }
            Services.checkSelector("spec.services[" + i + "].selector", s.name(), s.selector(), workloadKeys);
            services.checkSelectorChange(cache, s);
        }
        Map<String, String> union = new HashMap<>();
        for (int i = 0; i < request.loadBalancers().size(); i++) {
            String lb = request.loadBalancers().get(i);
            String field = "loadBalancers[" + i + "]";
            Map<String, String> selector;
            if (declared.containsKey(lb)) {
                selector = declared.get(lb).selector();
            } else {
                selector = cache.service(lb).map(ModelMapper::selector).orElseThrow(() -> ClusterDeployException.invalid(
                        field, field + ": no Service '" + lb + "' in namespace '" + cache.namespace()
                                + "'; create it with upsertLoadBalancer or list it in spec.services"));
            }
            Services.checkSelector(field, lb, selector, workloadKeys);
            for (var e : selector.entrySet()) {
                String other = union.putIfAbsent(e.getKey(), e.getValue());
                if (other != null && !other.equals(e.getValue())) {
                    throw ClusterDeployException.invalid(field, field + ": the selector of Service '" + lb
                            + "' wants " + e.getKey() + "=" + e.getValue() + " but another of the group's Services wants "
                            + e.getKey() + "=" + other + "; no pod can be in both");
                }
            }
        }
        Set<String> policies = new HashSet<>();
        for (Map<String, Object> np : spec.networkPolicies()) {
            String ns = NetworkPolicies.namespace(np);
            if (ns != null && !ns.equals(cache.namespace())) {
                throw ClusterDeployException.invalid("spec.networkPolicies", "spec.networkPolicies: NetworkPolicy '"
                        + NetworkPolicies.name(np) + "' names namespace '" + ns + "' but the deploy goes to '"
                        + cache.namespace() + "'");
            }
            policies.add(NetworkPolicies.name(np));
        }
        for (int i = 0; i < request.securityGroups().size(); i++) {
            String sg = request.securityGroups().get(i);
            if (!policies.contains(sg) && cache.networkPolicy(sg).isEmpty()) {
                throw ClusterDeployException.invalid("securityGroups[" + i + "]", "securityGroups[" + i
                        + "]: no NetworkPolicy '" + sg + "' in namespace '" + cache.namespace()
                        + "'; list it in spec.networkPolicies to create it");
            }
        }
        return spec;
    }

    ServerGroup create(NamespaceCache cache, CreateServerGroupRequest request, DeploySpec spec) {
        String name = request.name();
        String operation = request.tags().get(ServerGroup.TAG_OPERATION);
        Optional<ReplicaSet> existing = cache.replicaSet(name);
        if (existing.isPresent()) {
            return adoptOrRefuse(cache, existing.get(), operation);
        }
        for (Map<String, Object> np : spec.networkPolicies()) {
            upsertNetworkPolicy(cache, np);
        }
        for (LoadBalancerSpec s : spec.services()) {
            services.upsert(cache, s);
        }
        Set<String> lbs = new LinkedHashSet<>(request.loadBalancers());
        spec.services().forEach(s -> lbs.add(s.name()));
        Set<String> sgs = new LinkedHashSet<>(request.securityGroups());
        spec.networkPolicies().forEach(np -> sgs.add(NetworkPolicies.name(np)));
        ReplicaSet rs = replicaSet(cache, request, spec, List.copyOf(lbs), List.copyOf(sgs));
        var ops = client.apps().replicaSets().inNamespace(cache.namespace());
        ReplicaSet written;
        try {
            written = ops.resource(rs).create();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409) {
                throw Writes.translate("create ReplicaSet " + name, e);
            }
            // fabric8 retries a create whose answer was lost; the retry then finds the object the first try made.
            ReplicaSet found = writes.read("read ReplicaSet " + name, () -> Optional.ofNullable(ops.withName(name).get()));
            if (found == null) {
                throw Writes.translate("create ReplicaSet " + name, e);
            }
            return adoptOrRefuse(cache, found, operation);
        }
        waits.visible(cache, written);
        LOG.info("created server group {} in namespace {} of account {}", name, cache.namespace(), account);
        if (spec.maxVersionHistory() > 0) {
            prune(cache, ServerGroupName.parse(name).clusterName(), name, spec.maxVersionHistory());
        }
        return current(cache, name);
    }

    private ServerGroup adoptOrRefuse(NamespaceCache cache, ReplicaSet found, String operation) {
        String name = found.getMetadata().getName();
        String owner = Annotations.get(found, Keys.OPERATION);
        if (operation == null || !operation.equals(owner)) {
            throw ClusterDeployException.conflict("name", "server group '" + name + "' already exists in namespace '"
                    + cache.namespace() + "' of account '" + account + "' and was not created by this operation");
        }
        waits.visible(cache, found);
        LOG.info("adopted server group {}: it was created by this operation already", name);
        return current(cache, name);
    }

    private ReplicaSet replicaSet(NamespaceCache cache, CreateServerGroupRequest request, DeploySpec spec,
                                  List<String> lbs, List<String> sgs) {
        String name = request.name();
        Moniker moniker = ServerGroupName.parse(name).moniker();
        Map<String, String> identity = new TreeMap<>();
        identity.put(Keys.SERVER_GROUP, name);
        identity.put(Keys.CLUSTER, moniker.cluster());
        identity.put(Keys.APPLICATION, moniker.app());
        Map<String, String> labels = new TreeMap<>(spec.labels());
        labels.putAll(identity);

        Map<String, String> annotations = new TreeMap<>();
        annotations.put(Keys.APPLICATION, moniker.app());
        annotations.put(Keys.CLUSTER, moniker.cluster());
        if (moniker.stack() != null) {
            annotations.put(Keys.STACK, moniker.stack());
        }
        if (moniker.detail() != null) {
            annotations.put(Keys.DETAIL, moniker.detail());
        }
        annotations.put(Keys.SEQUENCE, String.valueOf(moniker.sequence()));
        Map<String, String> otherTags = new TreeMap<>(request.tags());
        String operation = otherTags.remove(ServerGroup.TAG_OPERATION);
        if (operation != null) {
            annotations.put(Keys.OPERATION, operation);
        }
        if (!otherTags.isEmpty()) {
            annotations.put(Keys.TAGS, Annotations.json(otherTags));
        }
        annotations.put(Keys.LOAD_BALANCERS, Annotations.json(lbs));
        annotations.put(Keys.SECURITY_GROUPS, Annotations.json(sgs));
        annotations.put(Keys.CAPACITY_MIN, String.valueOf(request.capacity().min()));
        annotations.put(Keys.CAPACITY_MAX, String.valueOf(request.capacity().max()));
        annotations.put(Keys.TEMPLATE_DIGEST, spec.templateDigest());
        annotations.put(Keys.CREATED, clock.instant().toString());

        PodTemplateSpec template = client.getKubernetesSerialization().clone(spec.template());
        ObjectMeta tmeta = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
        Map<String, String> podLabels = new TreeMap<>(tmeta.getLabels() == null ? Map.of() : tmeta.getLabels());
        podLabels.putAll(identity);
        // Created enabled: the pods carry their Services' selectors from the start.
        for (String lb : lbs) {
            spec.services().stream().filter(s -> s.name().equals(lb)).findFirst()
                    .map(LoadBalancerSpec::selector)
                    .or(() -> cache.service(lb).map(ModelMapper::selector))
                    .ifPresent(podLabels::putAll);
        }
        tmeta.setLabels(podLabels);
        template.setMetadata(tmeta);

        return new ReplicaSetBuilder()
                .withNewMetadata().withName(name).withNamespace(cache.namespace()).withLabels(labels)
                .withAnnotations(annotations).endMetadata()
                .withNewSpec().withReplicas(request.capacity().desired())
                .withNewSelector().withMatchLabels(Map.of(Keys.SERVER_GROUP, name)).endSelector()
                .withTemplate(template).endSpec()
                .build();
    }

    /**
     * Sets replicas and the min/max annotations with an update that carries the cached resourceVersion: one request
     * (fabric8's JSON patch reads the object first). A 409, also the one a retried update whose answer was lost
     * meets, re-reads and finds the capacity set already.
     */
    ServerGroup resize(NamespaceCache cache, ReplicaSet rs, Capacity capacity) {
        String name = rs.getMetadata().getName();
        var ops = client.apps().replicaSets().inNamespace(cache.namespace());
        writes.update("resize ReplicaSet " + name, cache.replicaSet(name).orElse(rs),
                () -> Optional.ofNullable(ops.withName(name).get()),
                copy -> {
                    Map<String, String> a = copy.getMetadata().getAnnotations() == null ? new HashMap<>()
                            : new HashMap<>(copy.getMetadata().getAnnotations());
                    String min = String.valueOf(capacity.min());
                    String max = String.valueOf(capacity.max());
                    if (Integer.valueOf(capacity.desired()).equals(copy.getSpec().getReplicas())
                            && min.equals(a.get(Keys.CAPACITY_MIN)) && max.equals(a.get(Keys.CAPACITY_MAX))) {
                        return null;
                    }
                    a.put(Keys.CAPACITY_MIN, min);
                    a.put(Keys.CAPACITY_MAX, max);
                    copy.getMetadata().setAnnotations(a);
                    copy.getSpec().setReplicas(capacity.desired());
                    return copy;
                },
                copy -> ops.resource(copy).update())
                .ifPresentOrElse(w -> waits.visible(cache, w), () -> {
                    throw ClusterDeployException.notFound("name", "server group '" + name + "' was deleted");
                });
        return current(cache, name);
    }

    /** Disables the group (waiting for its endpoints to go), then deletes it; its pods go with it (owner GC). */
    void destroy(NamespaceCache cache, ReplicaSet rs) {
        String name = rs.getMetadata().getName();
        traffic.disable(cache, rs, 100);
        try {
            client.apps().replicaSets().inNamespace(cache.namespace()).withName(name).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw Writes.translate("delete ReplicaSet " + name, e);
            }
        }
        waits.gone(cache, "ReplicaSet", name);
        LOG.info("destroyed server group {} in namespace {} of account {}", name, cache.namespace(), account);
    }

    /** maxVersionHistory: deletes the oldest disabled groups of the cluster beyond {@code max}; never an enabled one. */
    private void prune(NamespaceCache cache, String cluster, String created, int max) {
        List<ServerGroup> groups = cache.replicaSets().stream()
                .filter(r -> cluster.equals(Annotations.labels(r).get(Keys.CLUSTER)))
                .map(r -> mapper.serverGroup(cache, r)).flatMap(Optional::stream)
                .sorted(ServerGroup.NEWEST_FIRST)
                .toList();
        int excess = groups.size() - max;
        for (int i = groups.size() - 1; i >= 0 && excess > 0; i--) {
            ServerGroup g = groups.get(i);
            if (g.name().equals(created) || g.enabled()) {
                continue;
            }
            cache.replicaSet(g.name()).ifPresent(r -> destroy(cache, r));
            LOG.info("maxVersionHistory {}: deleted {} of cluster {}", max, g.name(), cluster);
            excess--;
        }
    }

    private void upsertNetworkPolicy(NamespaceCache cache, Map<String, Object> manifest) {
        String name = NetworkPolicies.name(manifest);
        var ops = client.network().v1().networkPolicies().inNamespace(cache.namespace());
        Map<String, Object> copy = new LinkedHashMap<>(manifest);
        copy.put("apiVersion", "networking.k8s.io/v1");
        NetworkPolicy wanted;
        try {
            wanted = client.getKubernetesSerialization().convertValue(copy, NetworkPolicy.class);
        } catch (RuntimeException e) {
            throw ClusterDeployException.invalid("spec.networkPolicies", "spec.networkPolicies: NetworkPolicy '" + name
                    + "' is not valid: " + e.getClass().getSimpleName());
        }
        wanted.getMetadata().setNamespace(cache.namespace());
        Map<String, String> a = wanted.getMetadata().getAnnotations() == null ? new HashMap<>()
                : new HashMap<>(wanted.getMetadata().getAnnotations());
        a.put(Keys.APPLICATION, ServerGroupName.applicationOf(name));
        wanted.getMetadata().setAnnotations(a);
        Optional<NetworkPolicy> existing = cache.networkPolicy(name);
        NetworkPolicy written;
        if (existing.isEmpty()) {
            try {
                written = ops.resource(wanted).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw Writes.translate("create NetworkPolicy " + name, e);
                }
                written = updatePolicy(ops, name, wanted, writes.read("read NetworkPolicy " + name,
                        () -> Optional.ofNullable(ops.withName(name).get())));
            }
        } else {
            written = updatePolicy(ops, name, wanted, existing.get());
        }
        if (written != null) {
            waits.visible(cache, written);
        }
    }

    private NetworkPolicy updatePolicy(io.fabric8.kubernetes.client.dsl.NonNamespaceOperation<NetworkPolicy, ?,
            io.fabric8.kubernetes.client.dsl.Resource<NetworkPolicy>> ops, String name, NetworkPolicy wanted,
                                       NetworkPolicy current) {
        return writes.update("update NetworkPolicy " + name, current,
                () -> Optional.ofNullable(ops.withName(name).get()),
                copy -> {
                    if (java.util.Objects.equals(copy.getSpec(), wanted.getSpec())) {
                        return null;
                    }
                    copy.setSpec(wanted.getSpec());
                    return copy;
                },
                copy -> ops.resource(copy).update()).orElse(null);
    }

    private ServerGroup current(NamespaceCache cache, String name) {
        return cache.replicaSet(name).flatMap(r -> mapper.serverGroup(cache, r))
                .orElseThrow(() -> ClusterDeployException.notFound("name", "server group '" + name
                        + "' disappeared right after it was written"));
    }
}
