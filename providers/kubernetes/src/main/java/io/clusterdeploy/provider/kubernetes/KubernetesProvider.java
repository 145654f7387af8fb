package io.clusterdeploy.provider.kubernetes;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Account;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.SecurityGroup;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import io.clusterdeploy.engine.provider.UpsertLoadBalancerRequest;
import io.clusterdeploy.provider.kubernetes.cache.Changes;
import io.clusterdeploy.provider.kubernetes.cache.NamespaceCache;
import io.clusterdeploy.provider.kubernetes.config.Connection;
import io.clusterdeploy.provider.kubernetes.config.KubernetesSettings;
import io.clusterdeploy.provider.kubernetes.manifest.DeploySpec;
import io.clusterdeploy.provider.kubernetes.manifest.Keys;
import io.clusterdeploy.provider.kubernetes.manifest.KubernetesNames;
import io.clusterdeploy.provider.kubernetes.manifest.LoadBalancerSpec;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Kubernetes account: server groups are ReplicaSets {@code <cluster>-vNNN} in the account's namespaces, load
 * balancers Services, security groups NetworkPolicies. Reads come from informer caches ({@link NamespaceCache}),
 * never from a request; every write waits until the cache shows it. Traffic moves through selector labels on pod
 * templates and pods ({@link Traffic}); creating and deleting are {@link ServerGroups}' job.
 */
public final class KubernetesProvider implements CloudProvider {
    private static final Logger LOG = LoggerFactory.getLogger(KubernetesProvider.class);

    private final Account account;
    private final KubernetesSettings settings;
    private final Connection connection;
    private final Map<String, NamespaceCache> caches = new LinkedHashMap<>();
    private final Changes changes = new Changes();
    private final ModelMapper mapper;
    private final Waits waits;
    private final Traffic traffic;
    private final ServerGroups serverGroups;
    private final Services services;

    public KubernetesProvider(Account account, KubernetesSettings settings, Connection connection, Clock clock) {
        this.account = account;
        this.settings = settings;
        this.connection = connection;
        KubernetesClient client = connection.client();
        for (String ns : settings.namespaces()) {
            caches.put(ns, new NamespaceCache(client, ns, changes));
        }
        this.mapper = new ModelMapper(account.name());
        Writes writes = new Writes(client.getKubernetesSerialization());
        Duration writeVisible = settings.requestTimeout().multipliedBy(2).plusSeconds(30);
        this.waits = new Waits(changes, writeVisible, Duration.ofMinutes(5), settings.endpointPropagation());
        this.services = new Services(client, writes, waits, mapper);
        this.traffic = new Traffic(client, writes, waits);
        this.serverGroups = new ServerGroups(account.name(), client, writes, waits, mapper, traffic, services, clock);
        LOG.info("kubernetes account {}: watching namespaces {}", account.name(), settings.namespaces());
    }

    @Override
    public Account account() {
        return account;
    }

    /** The fabric8 client, for the connection check. */
    public KubernetesClient client() {
        return connection.client();
    }

    public KubernetesSettings settings() {
        return settings;
    }

    // ---- reads ----------------------------------------------------------------------------

    @Override
    public List<String> applications() {
        TreeSet<String> apps = new TreeSet<>();
        for (NamespaceCache cache : synced()) {
            cache.replicaSets().forEach(rs -> {
                String app = Annotations.labels(rs).get(Keys.APPLICATION);
                if (app != null) {
                    apps.add(app);
                }
            });
            cache.services().forEach(s -> {
                String app = Annotations.get(s, Keys.APPLICATION);
                if (app != null) {
                    apps.add(app);
                }
            });
        }
        return List.copyOf(apps);
    }

    @Override
    public List<ServerGroup> serverGroups(String application) {
        List<ServerGroup> out = new ArrayList<>();
        for (NamespaceCache cache : synced()) {
            for (ReplicaSet rs : cache.replicaSets()) {
                if (application == null || application.equals(Annotations.labels(rs).get(Keys.APPLICATION))) {
                    mapper.serverGroup(cache, rs).ifPresent(out::add);
                }
            }
        }
        out.sort(ServerGroup.NEWEST_FIRST);
        return out;
    }

    @Override
    public Optional<ServerGroup> serverGroup(String location, String name) {
        NamespaceCache cache = caches.get(location);
        if (cache == null || name == null) {
            return Optional.empty();
        }
        awaitSynced(cache);
        return cache.replicaSet(name).flatMap(rs -> mapper.serverGroup(cache, rs));
    }

    /** The pod of that name when it belongs to the group: where it runs, its readiness and its restarts. */
    @Override
    public io.clusterdeploy.engine.provider.InstanceDetails instanceDetails(String location, String serverGroup,
                                                                           String instanceId) {
        NamespaceCache cache = location == null ? null : caches.get(location);
        if (cache == null || serverGroup == null || instanceId == null) {
            return io.clusterdeploy.engine.provider.InstanceDetails.NONE;
        }
        awaitSynced(cache);
        return cache.pod(instanceId)
                .filter(p -> serverGroup.equals(Annotations.labels(p).get(Keys.SERVER_GROUP)))
                .map(PodDetails::of).orElse(io.clusterdeploy.engine.provider.InstanceDetails.NONE);
    }

    @Override
    public List<LoadBalancer> loadBalancers(String application) {
        List<LoadBalancer> out = new ArrayList<>();
        for (NamespaceCache cache : synced()) {
            cache.services().stream()
                    .filter(s -> application == null || belongsTo(application, s.getMetadata().getName(),
                            Annotations.get(s, Keys.APPLICATION)))
                    .sorted(java.util.Comparator.comparing(s -> s.getMetadata().getName()))
                    .forEach(s -> out.add(mapper.loadBalancer(cache, s)));
        }
        return out;
    }

    @Override
    public List<SecurityGroup> securityGroups(String application) {
        List<SecurityGroup> out = new ArrayList<>();
        for (NamespaceCache cache : synced()) {
            cache.networkPolicies().stream()
                    .filter(np -> application == null || belongsTo(application, np.getMetadata().getName(),
                            Annotations.get(np, Keys.APPLICATION)))
                    .sorted(java.util.Comparator.comparing(np -> np.getMetadata().getName()))
                    .forEach(np -> out.add(mapper.securityGroup(cache, np)));
        }
        return out;
    }

    private static boolean belongsTo(String application, String name, String annotated) {
        return application.equals(annotated != null ? annotated : ServerGroupName.applicationOf(name));
    }

    // ---- mutations -----------------------------------------------------------------------

    @Override
    public void validate(CreateServerGroupRequest request) {
        NamespaceCache cache = cache(request.location());
        serverGroups.validate(cache, request);
    }

    @Override
    public ServerGroup createServerGroup(CreateServerGroupRequest request) {
        NamespaceCache cache = cache(request.location());
        DeploySpec spec = serverGroups.validate(cache, request);
        return serverGroups.create(cache, request, spec);
    }

    /**
     * The newest group when its pod template is the one asked for (its recorded digest matches), at the asked
     * size and behind the same load balancers: Spinnaker's "re-deploying an identical manifest reuses it".
     */
    @Override
    public Optional<String> reusable(CreateServerGroupRequest request, List<ServerGroup> newestFirst) {
        if (newestFirst.isEmpty()) {
            return Optional.empty();
        }
        NamespaceCache cache = cache(request.location());
        DeploySpec spec = serverGroups.validate(cache, request);
        ServerGroup newest = newestFirst.get(0);
        Optional<ReplicaSet> rs = cache.replicaSet(newest.name());
        String digest = rs.map(r -> r.getMetadata().getAnnotations()).map(a -> a.get(Keys.TEMPLATE_DIGEST)).orElse(null);
        boolean same = spec.templateDigest().equals(digest) && newest.capacity().equals(request.capacity())
                && new TreeSet<>(newest.loadBalancers()).equals(new TreeSet<>(request.loadBalancers()));
        return same ? Optional.of(newest.name()) : Optional.empty();
    }

    /**
     * The group's pod template as a {@code podTemplate} spec, without the labels and annotations under
     * {@code clusterdeploy.io/} (a copy gets its own identity and its Services' selectors): a canary's baseline runs the same pods. Services and network policies are the cluster's and stay as they
     * are. Traffic is split by pod count ({@link io.clusterdeploy.engine.provider.TrafficSplit#BY_INSTANCE_COUNT}):
     * a Service spreads its connections over its ready endpoints.
     */
    @Override
    public Optional<Map<String, Object>> deploySpec(String location, String name) {
        if (!caches.containsKey(location)) {
            return Optional.empty();
        }
        return cache(location).replicaSet(name).map(rs -> {
            io.fabric8.kubernetes.api.model.PodTemplateSpec template =
                    connection.client().getKubernetesSerialization().clone(rs.getSpec().getTemplate());
            // Our own keys (the group's identity, its Services' selectors) are set anew on every group we create.
            if (template.getMetadata() != null) {
                var meta = template.getMetadata();
                if (meta.getLabels() != null) {
                    Map<String, String> labels = new java.util.TreeMap<>(meta.getLabels());
                    labels.keySet().removeIf(Keys::reserved);
                    meta.setLabels(labels);
                }
                if (meta.getAnnotations() != null) {
                    Map<String, String> annotations = new java.util.TreeMap<>(meta.getAnnotations());
                    annotations.keySet().removeIf(Keys::reserved);
                    meta.setAnnotations(annotations);
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> podTemplate = connection.client().getKubernetesSerialization()
                    .convertValue(template, Map.class);
            return Map.of("podTemplate", podTemplate);
        });
    }

    /** Every informer event of this account: waits in the engine wake on them instead of polling. */
    @Override
    public AutoCloseable subscribe(Runnable onChange) {
        return changes.subscribe(onChange);
    }

    @Override
    public ServerGroup resize(String location, String name, Capacity capacity) {
        if (capacity == null) {
            throw ClusterDeployException.invalid("capacity", "capacity is required");
        }
        NamespaceCache cache = cache(location);
        return serverGroups.resize(cache, existing(cache, name), capacity);
    }

    @Override
    public ServerGroup enable(String location, String name) {
        NamespaceCache cache = cache(location);
        traffic.enable(cache, existing(cache, name));
        return current(cache, name);
    }

    @Override
    public ServerGroup disable(String location, String name, int percentage) {
        if (percentage < 1 || percentage > 100) {
            throw ClusterDeployException.invalid("percentage", "percentage must be between 1 and 100, was " + percentage);
        }
        NamespaceCache cache = cache(location);
        traffic.disable(cache, existing(cache, name), percentage);
        return current(cache, name);
    }

    @Override
    public void destroy(String location, String name) {
        NamespaceCache cache = cache(location);
        if (name == null) {
            return;
        }
        Optional<ReplicaSet> rs = cache.replicaSet(name);
        if (rs.isEmpty()) {
            return;
        }
        serverGroups.destroy(cache, rs.get());
    }

    @Override
    public void validate(UpsertLoadBalancerRequest request) {
        KubernetesNames.requireServiceName("name", request.name());
        NamespaceCache cache = cache(request.location());
        // The cache answers the selector check: nothing is sent to the cluster.
        services.checkSelectorChange(cache, LoadBalancerSpec.parse("spec", request.name(), request.spec()));
    }

    @Override
    public LoadBalancer upsertLoadBalancer(UpsertLoadBalancerRequest request) {
        validate(request);
        NamespaceCache cache = cache(request.location());
        return services.upsert(cache, LoadBalancerSpec.parse("spec", request.name(), request.spec()));
    }

    @Override
    public void close() {
        caches.values().forEach(NamespaceCache::close);
        connection.close();
    }

    // ---- internals -----------------------------------------------------------------------

    /** The cache of a namespace of this account, synced; INVALID_INPUT on {@code location} for any other. */
    private NamespaceCache cache(String location) {
        NamespaceCache cache = location == null ? null : caches.get(location);
        if (cache == null) {
            throw ClusterDeployException.invalid("location", "namespace '" + location + "' is not one of account '"
                    + account.name() + "''s namespaces " + settings.namespaces());
        }
        awaitSynced(cache);
        return cache;
    }

    private List<NamespaceCache> synced() {
        caches.values().forEach(this::awaitSynced);
        return List.copyOf(caches.values());
    }

    private void awaitSynced(NamespaceCache cache) {
        cache.awaitSynced(settings.requestTimeout().multipliedBy(2).plusSeconds(10));
    }

    private ReplicaSet existing(NamespaceCache cache, String name) {
        return cache.replicaSet(name == null ? "" : name).orElseThrow(() -> ClusterDeployException.notFound("name",
                "server group '" + name + "' not found in namespace '" + cache.namespace() + "' of account '"
                        + account.name() + "'"));
    }

    private ServerGroup current(NamespaceCache cache, String name) {
        return cache.replicaSet(name).flatMap(rs -> mapper.serverGroup(cache, rs))
                .orElseThrow(() -> new ClusterDeployException(ErrorKind.NOT_FOUND, "name",
                        "server group '" + name + "' disappeared while it was changed"));
    }
}
