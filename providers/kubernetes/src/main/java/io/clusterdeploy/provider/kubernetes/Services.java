package io.clusterdeploy.provider.kubernetes;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.naming.ServerGroupName;
import io.clusterdeploy.provider.kubernetes.cache.NamespaceCache;
import io.clusterdeploy.provider.kubernetes.manifest.Keys;
import io.clusterdeploy.provider.kubernetes.manifest.LoadBalancerSpec;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Load balancers as Services: created or updated (ports, type, selector) to match a spec. */
final class Services {
    private final KubernetesClient client;
    private final Writes writes;
    private final Waits waits;
    private final ModelMapper mapper;

    Services(KubernetesClient client, Writes writes, Waits waits, ModelMapper mapper) {
        this.client = client;
        this.writes = writes;
        this.waits = waits;
        this.mapper = mapper;
    }

    /**
     * Refuses to change the selector of a Service that server groups are associated with: their pods carry the old
     * selector's labels, so the change would take every one of them out of traffic at once.
     */
    void checkSelectorChange(NamespaceCache cache, LoadBalancerSpec spec) {
        Optional<Service> existing = cache.service(spec.name());
        if (existing.isEmpty()) {
            return;
        }
        Map<String, String> current = ModelMapper.selector(existing.get());
        if (current.equals(spec.selector())) {
            return;
        }
        List<String> members = cache.replicaSets().stream()
                .filter(rs -> Annotations.list(rs, Keys.LOAD_BALANCERS).contains(spec.name()))
                .map(rs -> rs.getMetadata().getName()).sorted().toList();
        if (!members.isEmpty()) {
            throw ClusterDeployException.conflict("spec.selector", "spec.selector: Service '" + spec.name()
                    + "' selects " + current + " and server groups " + members + " are associated with it; changing its"
                    + " selector would take them all out of traffic at once");
        }
    }

    /**
     * A Service whose selector is empty, or shares a key with the workload's own labels, is refused: the first would
     * route to every pod of the namespace, the second could never be taken off a pod without breaking the workload.
     */
    static void checkSelector(String field, String service, Map<String, String> selector, Set<String> workloadKeys) {
        if (selector.isEmpty()) {
            throw ClusterDeployException.invalid(field, field + ": Service '" + service + "' has an empty selector, which"
                    + " would send its traffic to every pod of the namespace; give it a selector of its own");
        }
        Set<String> shared = new TreeSet<>(selector.keySet());
        shared.retainAll(workloadKeys);
        if (!shared.isEmpty()) {
            throw ClusterDeployException.invalid(field, field + ": the selector of Service '" + service + "' shares "
                    + shared + " with the workload's own labels; disabling takes selector labels off pods, so they must"
                    + " be keys of their own (e.g. " + LoadBalancerSpec.defaultSelector(service).keySet() + ")");
        }
    }

    LoadBalancer upsert(NamespaceCache cache, LoadBalancerSpec spec) {
        var ops = client.services().inNamespace(cache.namespace());
        String name = spec.name();
        Service written;
        Optional<Service> existing = cache.service(name);
        if (existing.isEmpty()) {
            try {
                written = ops.resource(newService(cache.namespace(), spec)).create();
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw Writes.translate("create Service " + name, e);
                }
                // It exists after all (created meanwhile, or by fabric8's retry of this very create): update it.
                written = update(cache, spec, writes.read("read Service " + name,
                        () -> Optional.ofNullable(ops.withName(name).get())));
            }
        } else {
            written = update(cache, spec, existing.get());
        }
        if (written == null) {
            throw ClusterDeployException.conflict("name", "Service '" + name + "' was deleted while it was updated");
        }
        waits.visible(cache, written);
        return mapper.loadBalancer(cache, cache.service(name).orElse(written));
    }

    private Service update(NamespaceCache cache, LoadBalancerSpec spec, Service current) {
        var ops = client.services().inNamespace(cache.namespace());
        return writes.update("update Service " + spec.name(), current,
                () -> Optional.ofNullable(ops.withName(spec.name()).get()),
                copy -> {
                    boolean same = ModelMapper.selector(copy).equals(spec.selector())
                            && copy.getSpec().getType() != null && copy.getSpec().getType().equals(spec.type())
                            && copy.getSpec().getPorts() != null && copy.getSpec().getPorts().size() == 1
                            && samePort(copy.getSpec().getPorts().get(0), spec);
                    if (same) {
                        return null;
                    }
                    copy.getSpec().setSelector(spec.selector());
                    copy.getSpec().setType(spec.type());
                    copy.getSpec().setPorts(List.of(port(spec)));
                    Map<String, String> a = copy.getMetadata().getAnnotations() == null ? new HashMap<>()
                            : new HashMap<>(copy.getMetadata().getAnnotations());
                    a.putIfAbsent(Keys.APPLICATION, application(spec.name()));
                    copy.getMetadata().setAnnotations(a);
                    return copy;
                },
                copy -> ops.resource(copy).update()).orElse(null);
    }

    private static boolean samePort(ServicePort p, LoadBalancerSpec spec) {
        return p.getPort() != null && p.getPort() == spec.port() && spec.protocol().equals(p.getProtocol())
                && target(spec).equals(p.getTargetPort());
    }

    private static Service newService(String namespace, LoadBalancerSpec spec) {
        String app = application(spec.name());
        return new ServiceBuilder()
                .withNewMetadata().withName(spec.name()).withNamespace(namespace)
                .addToLabels(Keys.APPLICATION, app)
                .addToAnnotations(Keys.APPLICATION, app)
                .endMetadata()
                .withNewSpec().withType(spec.type()).withSelector(spec.selector()).withPorts(port(spec)).endSpec()
                .build();
    }

    private static ServicePort port(LoadBalancerSpec spec) {
        return new ServicePortBuilder().withName("traffic").withPort(spec.port()).withProtocol(spec.protocol())
                .withTargetPort(target(spec)).build();
    }

    private static IntOrString target(LoadBalancerSpec spec) {
        return spec.targetPort() instanceof Integer i ? new IntOrString(i) : new IntOrString((String) spec.targetPort());
    }

    private static String application(String serviceName) {
        return ServerGroupName.applicationOf(serviceName);
    }
}
