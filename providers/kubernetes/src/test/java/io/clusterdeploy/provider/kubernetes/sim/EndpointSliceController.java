package io.clusterdeploy.provider.kubernetes.sim;

import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.discovery.v1.Endpoint;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointConditionsBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The simulated cluster's EndpointSlice controller: for every Service with a selector, the pods whose labels carry
 * it, with their readiness. Endpoints are grouped into slices by port, as the real controller does; since each pod
 * of this cluster has a port of its own, that is one slice per pod.
 */
final class EndpointSliceController extends Reconciler {
    static final String SERVICE_NAME = "kubernetes.io/service-name";
    private static final String MANAGED_BY = "endpointslice.kubernetes.io/managed-by";

    private final KubernetesClient client;
    private final String namespace;
    private final Kubelet kubelet;
    private final SharedIndexInformer<Service> services;
    private final SharedIndexInformer<Pod> pods;
    private final SharedIndexInformer<EndpointSlice> slices;

    EndpointSliceController(KubernetesClient client, String namespace, Kubelet kubelet) {
        super("sim-endpointslice-controller-" + namespace, 200);
        this.client = client;
        this.namespace = namespace;
        this.kubelet = kubelet;
        this.services = client.services().inNamespace(namespace).inform(Handlers.poke(this::poke), 0);
        this.pods = client.pods().inNamespace(namespace).inform(Handlers.poke(this::poke), 0);
        this.slices = client.discovery().v1().endpointSlices().inNamespace(namespace).inform(Handlers.poke(this::poke), 0);
        start();
    }

    @Override
    void reconcile() {
        Map<String, EndpointSlice> wanted = new TreeMap<>();
        for (Service s : services.getStore().list()) {
            Map<String, String> selector = s.getSpec() == null ? null : s.getSpec().getSelector();
            if (selector == null || selector.isEmpty()) {
                continue;
            }
            String svc = s.getMetadata().getName();
            for (Pod p : pods.getStore().list()) {
                Map<String, String> labels = p.getMetadata().getLabels() == null ? Map.of() : p.getMetadata().getLabels();
                boolean selected = selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
                Optional<Integer> port = kubelet.portOf(p.getMetadata().getUid());
                if (!selected || port.isEmpty()) {
                    continue;
                }
                boolean terminating = p.getMetadata().getDeletionTimestamp() != null;
                boolean ready = Kubelet.isReady(p);
                Endpoint endpoint = new EndpointBuilder().withAddresses("127.0.0.1")
                        .withConditions(new EndpointConditionsBuilder().withReady(ready && !terminating)
                                .withServing(ready).withTerminating(terminating).build())
                        .withTargetRef(new ObjectReferenceBuilder().withKind("Pod").withName(p.getMetadata().getName())
                                .withNamespace(namespace).withUid(p.getMetadata().getUid()).build())
                        .build();
                String name = svc + "-" + port.get();
                wanted.put(name, new EndpointSliceBuilder()
                        .withNewMetadata().withName(name).withNamespace(namespace)
                        .addToLabels(SERVICE_NAME, svc).addToLabels(MANAGED_BY, "sim.clusterdeploy.io")
                        .endMetadata()
                        .withAddressType("IPv4")
                        .withEndpoints(endpoint)
                        .withPorts(new EndpointPortBuilder().withName("traffic").withPort(port.get()).withProtocol("TCP")
                                .build())
                        .build());
            }
        }
        Map<String, EndpointSlice> existing = new HashMap<>();
        slices.getStore().list().forEach(s -> existing.put(s.getMetadata().getName(), s));
        var ops = client.discovery().v1().endpointSlices().inNamespace(namespace);
        try {
            for (EndpointSlice w : wanted.values()) {
                EndpointSlice have = existing.get(w.getMetadata().getName());
                if (have == null) {
                    ops.resource(w).create();
                } else if (!Objects.equals(have.getEndpoints(), w.getEndpoints())
                        || !Objects.equals(have.getPorts(), w.getPorts())) {
                    EndpointSlice copy = client.getKubernetesSerialization().clone(have);
                    copy.setEndpoints(w.getEndpoints());
                    copy.setPorts(w.getPorts());
                    ops.resource(copy).update();
                }
            }
            existing.values().stream()
                    .filter(s -> !wanted.containsKey(s.getMetadata().getName()))
                    .sorted(Comparator.comparing(s -> s.getMetadata().getName()))
                    .forEach(s -> ops.withName(s.getMetadata().getName()).delete());
        } catch (KubernetesClientException e) {
            poke();
        }
    }

    /** Ready endpoints of a Service, as host:port, from the slices as they are now. */
    static List<String> readyBackends(List<EndpointSlice> slices, String service) {
        return slices.stream()
                .filter(s -> s.getMetadata().getLabels() != null && service.equals(s.getMetadata().getLabels().get(SERVICE_NAME)))
                .flatMap(s -> s.getEndpoints() == null || s.getPorts() == null || s.getPorts().isEmpty()
                        ? java.util.stream.Stream.empty()
                        : s.getEndpoints().stream()
                                .filter(e -> e.getConditions() != null && Boolean.TRUE.equals(e.getConditions().getReady()))
                                .map(e -> e.getAddresses().get(0) + ":" + s.getPorts().get(0).getPort()))
                .sorted()
                .toList();
    }

    @Override
    public void close() {
        super.close();
        services.stop();
        pods.stop();
        slices.stop();
    }
}
