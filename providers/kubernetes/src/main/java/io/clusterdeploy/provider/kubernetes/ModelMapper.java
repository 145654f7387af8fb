package io.clusterdeploy.provider.kubernetes;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.Moniker;
import io.clusterdeploy.engine.model.SecurityGroup;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.provider.kubernetes.cache.NamespaceCache;
import io.clusterdeploy.provider.kubernetes.manifest.Keys;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The engine's model from cached Kubernetes objects: ReplicaSet → server group, Service → load balancer, ... */
final class ModelMapper {
    private static final Set<String> DOWN_REASONS = Set.of("CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull",
            "CreateContainerConfigError", "CreateContainerError", "InvalidImageName", "RunContainerError");

    private final String account;

    ModelMapper(String account) {
        this.account = account;
    }

    /** The server group a ReplicaSet is, or empty when its name is not a server group name. */
    Optional<ServerGroup> serverGroup(NamespaceCache cache, ReplicaSet rs) {
        String name = rs.getMetadata().getName();
        Moniker moniker;
        try {
            moniker = ServerGroupName.parse(name).moniker();
        } catch (ClusterDeployException e) {
            return Optional.empty();
        }
        List<String> lbs = Annotations.list(rs, Keys.LOAD_BALANCERS);
        Map<String, String> templateLabels = templateLabels(rs);
        boolean disabled = lbs.isEmpty() ? "true".equals(Annotations.get(rs, Keys.DISABLED))
                : lbs.stream().noneMatch(lb -> matches(cache, lb, templateLabels));
        List<Instance> instances = cache.podsOf(name).stream()
                .map(p -> instance(cache, p, lbs, disabled))
                .sorted(java.util.Comparator.comparing(Instance::id))
                .toList();
        Map<String, String> tags = new TreeMap<>(Annotations.map(rs, Keys.TAGS));
        String operation = Annotations.get(rs, Keys.OPERATION);
        if (operation != null) {
            tags.put(ServerGroup.TAG_OPERATION, operation);
        }
        return Optional.of(new ServerGroup(name, moniker, account, cache.namespace(), capacity(rs), instances, disabled,
                createdTime(rs), artifact(rs), lbs,
                Annotations.list(rs, Keys.SECURITY_GROUPS), tags));
    }

    static Map<String, String> templateLabels(ReplicaSet rs) {
        var meta = rs.getSpec() == null || rs.getSpec().getTemplate() == null ? null
                : rs.getSpec().getTemplate().getMetadata();
        return meta == null || meta.getLabels() == null ? Map.of() : meta.getLabels();
    }

    /** True when {@code labels} carry the whole selector of Service {@code lb} (a missing Service matches nothing). */
    static boolean matches(NamespaceCache cache, String lb, Map<String, String> labels) {
        return cache.service(lb).map(s -> selector(s)).filter(sel -> !sel.isEmpty())
                .map(sel -> sel.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey()))))
                .orElse(false);
    }

    static Map<String, String> selector(Service s) {
        Map<String, String> sel = s.getSpec() == null ? null : s.getSpec().getSelector();
        return sel == null ? Map.of() : sel;
    }

    static Capacity capacity(ReplicaSet rs) {
        int desired = rs.getSpec() == null || rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
        int min = intAnnotation(rs, Keys.CAPACITY_MIN, desired);
        int max = intAnnotation(rs, Keys.CAPACITY_MAX, desired);
        // Someone may have scaled the ReplicaSet by hand: the bounds then follow what it runs.
        return new Capacity(Math.min(min, desired), desired, Math.max(max, desired));
    }

    private static int intAnnotation(ReplicaSet rs, String key, int fallback) {
        try {
            String v = Annotations.get(rs, key);
            return v == null ? fallback : Math.max(0, Integer.parseInt(v));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static String artifact(ReplicaSet rs) {
        if (rs.getSpec() == null || rs.getSpec().getTemplate() == null || rs.getSpec().getTemplate().getSpec() == null) {
            return null;
        }
        return rs.getSpec().getTemplate().getSpec().getContainers().stream().map(Container::getImage)
                .collect(Collectors.joining(","));
    }

    private Instance instance(NamespaceCache cache, Pod pod, List<String> lbs, boolean groupDisabled) {
        HealthState health = health(cache, pod, lbs, groupDisabled);
        String ip = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        return new Instance(pod.getMetadata().getName(), health, ip, created(pod.getMetadata().getCreationTimestamp()));
    }

    /**
     * Up = Ready and, for a pod in its load balancers' traffic, listed as ready by their EndpointSlices (traffic
     * reaches it); out of service = Ready but taken out of traffic; down = failed, terminating or crash-looping;
     * starting = anything else.
     */
    static HealthState health(NamespaceCache cache, Pod pod, List<String> lbs, boolean groupDisabled) {
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            return HealthState.DOWN;
        }
        var status = pod.getStatus();
        if (status == null) {
            return HealthState.STARTING;
        }
        if ("Failed".equals(status.getPhase()) || "Succeeded".equals(status.getPhase())) {
            return HealthState.DOWN;
        }
        if (status.getContainerStatuses() != null) {
            for (ContainerStatus c : status.getContainerStatuses()) {
                if (c.getState() != null && c.getState().getWaiting() != null
                        && DOWN_REASONS.contains(c.getState().getWaiting().getReason())) {
                    return HealthState.DOWN;
                }
            }
        }
        if (!ready(pod)) {
            return HealthState.STARTING;
        }
        if (lbs.isEmpty()) {
            return groupDisabled ? HealthState.OUT_OF_SERVICE : HealthState.UP;
        }
        Map<String, String> labels = Annotations.labels(pod);
        List<String> serving = lbs.stream().filter(lb -> matches(cache, lb, labels)).toList();
        if (serving.isEmpty()) {
            return HealthState.OUT_OF_SERVICE;
        }
        String name = pod.getMetadata().getName();
        return serving.stream().allMatch(lb -> listedReady(cache, lb, name)) ? HealthState.UP : HealthState.STARTING;
    }

    static boolean ready(Pod pod) {
        List<PodCondition> conditions = pod.getStatus() == null ? null : pod.getStatus().getConditions();
        return conditions != null && conditions.stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    /** True when some EndpointSlice of Service {@code lb} lists pod {@code pod} as ready (or serving). */
    static boolean listedReady(NamespaceCache cache, String lb, String pod) {
        return endpointsOf(cache, lb, pod).anyMatch(e -> e.getConditions() != null
                && (Boolean.TRUE.equals(e.getConditions().getReady()) || Boolean.TRUE.equals(e.getConditions().getServing())));
    }

    static java.util.stream.Stream<Endpoint> endpointsOf(NamespaceCache cache, String lb, String pod) {
        return cache.endpointSlicesOf(lb).stream()
                .map(EndpointSlice::getEndpoints)
                .filter(java.util.Objects::nonNull)
                .flatMap(List::stream)
                .filter(e -> e.getTargetRef() != null && "Pod".equals(e.getTargetRef().getKind())
                        && pod.equals(e.getTargetRef().getName()));
    }

    LoadBalancer loadBalancer(NamespaceCache cache, Service s) {
        String name = s.getMetadata().getName();
        List<String> members = cache.replicaSets().stream()
                .filter(rs -> Annotations.list(rs, Keys.LOAD_BALANCERS).contains(name))
                .map(rs -> rs.getMetadata().getName())
                .sorted()
                .toList();
        Map<String, Object> settings = new LinkedHashMap<>();
        List<ServicePort> ports = s.getSpec() == null || s.getSpec().getPorts() == null ? List.of() : s.getSpec().getPorts();
        ServicePort first = ports.isEmpty() ? null : ports.get(0);
        if (first != null) {
            settings.put("port", first.getPort());
            IntOrString target = first.getTargetPort();
            if (target != null) {
                settings.put("targetPort", target.getIntVal() != null ? target.getIntVal() : target.getStrVal());
            }
            if (first.getProtocol() != null) {
                settings.put("protocol", first.getProtocol());
            }
        }
        if (s.getSpec() != null && s.getSpec().getType() != null) {
            settings.put("type", s.getSpec().getType());
        }
        settings.put("selector", new TreeMap<>(selector(s)));
        String clusterIp = s.getSpec() == null ? null : s.getSpec().getClusterIP();
        String host = clusterIp != null && !clusterIp.isBlank() && !"None".equals(clusterIp) ? clusterIp
                : name + "." + cache.namespace() + ".svc";
        String address = first == null ? host : host + ":" + first.getPort();
        return new LoadBalancer(name, account, cache.namespace(), address, members, settings);
    }

    SecurityGroup securityGroup(NamespaceCache cache, NetworkPolicy np) {
        List<SecurityGroup.Rule> rules = new ArrayList<>();
        List<NetworkPolicyIngressRule> ingress = np.getSpec() == null || np.getSpec().getIngress() == null ? List.of()
                : np.getSpec().getIngress();
        for (NetworkPolicyIngressRule rule : ingress) {
            List<String> sources = rule.getFrom() == null || rule.getFrom().isEmpty() ? List.of("0.0.0.0/0")
                    : rule.getFrom().stream().map(ModelMapper::source).toList();
            List<NetworkPolicyPort> ports = rule.getPorts() == null || rule.getPorts().isEmpty()
                    ? java.util.Collections.singletonList(null) : rule.getPorts();
            for (NetworkPolicyPort port : ports) {
                String protocol = port == null ? "-1" : port.getProtocol() == null ? "tcp" : port.getProtocol().toLowerCase();
                int from = port == null || port.getPort() == null || port.getPort().getIntVal() == null ? 0
                        : port.getPort().getIntVal();
                int to = port == null ? 65_535 : port.getEndPort() != null ? port.getEndPort()
                        : from == 0 ? 65_535 : from;
                for (String source : sources) {
                    rules.add(new SecurityGroup.Rule(protocol, from, to, source));
                }
            }
        }
        return new SecurityGroup(np.getMetadata().getName(), account, cache.namespace(), rules);
    }

    private static String source(NetworkPolicyPeer peer) {
        if (peer.getIpBlock() != null) {
            return peer.getIpBlock().getCidr();
        }
        StringBuilder s = new StringBuilder();
        if (peer.getNamespaceSelector() != null) {
            s.append("namespaces:").append(labelsText(peer.getNamespaceSelector().getMatchLabels()));
        }
        if (peer.getPodSelector() != null) {
            if (!s.isEmpty()) {
                s.append(' ');
            }
            s.append("pods:").append(labelsText(peer.getPodSelector().getMatchLabels()));
        }
        return s.toString();
    }

    private static String labelsText(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return "*";
        }
        return new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    static Instant createdTime(ReplicaSet rs) {
        Instant precise = created(Annotations.get(rs, Keys.CREATED));
        return precise != null ? precise : created(rs.getMetadata().getCreationTimestamp());
    }

    static Instant created(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
