package io.clusterdeploy.provider.kubernetes.sim;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The simulated cluster's ReplicaSet controller and garbage collector: keeps each ReplicaSet's pod count at its
 * replicas (surplus: not-ready pods first, then the newest), fills its status, and deletes pods whose owner is gone
 * (the mock ignores ownerReferences).
 */
final class ReplicaSetController extends Reconciler {
    private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    private final KubernetesClient client;
    private final String namespace;
    private final SharedIndexInformer<ReplicaSet> replicaSets;
    private final SharedIndexInformer<Pod> pods;
    private final SecureRandom random = new SecureRandom();
    // Expectations, as the real controller keeps them: what it wrote and its informer has not shown yet.
    private final Map<String, java.util.Set<String>> creating = new HashMap<>();
    private final java.util.Set<String> deleting = new java.util.HashSet<>();

    ReplicaSetController(KubernetesClient client, String namespace) {
        super("sim-replicaset-controller-" + namespace, 200);
        this.client = client;
        this.namespace = namespace;
        this.replicaSets = client.apps().replicaSets().inNamespace(namespace).inform(Handlers.poke(this::poke), 0);
        this.pods = client.pods().inNamespace(namespace).inform(Handlers.poke(this::poke), 0);
        start();
    }

    @Override
    void reconcile() {
        List<ReplicaSet> all = replicaSets.getStore().list();
        Set<String> uids = all.stream().map(r -> r.getMetadata().getUid()).collect(Collectors.toSet());
        List<Pod> allPods = pods.getStore().list();
        Set<String> present = allPods.stream().map(p -> p.getMetadata().getName()).collect(Collectors.toSet());
        deleting.retainAll(present);
        creating.values().forEach(names -> names.removeIf(present::contains));
        creating.keySet().retainAll(uids);
        allPods = allPods.stream().filter(p -> !deleting.contains(p.getMetadata().getName())).toList();
        for (Pod p : allPods) {
            String owner = ownerUid(p);
            if (owner != null && !uids.contains(owner)) {
                delete(p);
            }
        }
        for (ReplicaSet rs : all) {
            String uid = rs.getMetadata().getUid();
            List<Pod> owned = allPods.stream().filter(p -> uid.equals(ownerUid(p))).toList();
            int want = rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
            int pending = creating.getOrDefault(uid, Set.of()).size();
            if (owned.size() + pending < want) {
                for (int i = owned.size() + pending; i < want; i++) {
                    create(rs);
                }
            } else if (pending == 0 && owned.size() > want) {
                owned.stream()
                        .sorted(Comparator.comparing((Pod p) -> Kubelet.isReady(p))
                                .thenComparing(p -> String.valueOf(p.getMetadata().getCreationTimestamp()),
                                        Comparator.reverseOrder()))
                        .limit(owned.size() - want)
                        .forEach(this::delete);
            }
            updateStatus(rs, owned, want);
        }
    }

    private void create(ReplicaSet rs) {
        var template = rs.getSpec().getTemplate();
        String name = rs.getMetadata().getName() + "-" + suffix();
        Pod pod = new PodBuilder()
                .withMetadata(new ObjectMetaBuilder()
                        .withName(name).withNamespace(namespace)
                        .withLabels(template.getMetadata() == null || template.getMetadata().getLabels() == null
                                ? Map.of() : new HashMap<>(template.getMetadata().getLabels()))
                        .withAnnotations(template.getMetadata() == null || template.getMetadata().getAnnotations() == null
                                ? Map.of() : new HashMap<>(template.getMetadata().getAnnotations()))
                        .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet")
                                .withName(rs.getMetadata().getName()).withUid(rs.getMetadata().getUid())
                                .withController(true).build())
                        .build())
                .withSpec(client.getKubernetesSerialization().clone(template.getSpec()))
                .withNewStatus().withPhase("Pending").endStatus()
                .build();
        try {
            client.pods().inNamespace(namespace).resource(pod).create();
            creating.computeIfAbsent(rs.getMetadata().getUid(), k -> new java.util.HashSet<>()).add(name);
        } catch (KubernetesClientException e) {
            // Taken name or a transient failure: the next round tries again.
        }
    }

    private void delete(Pod p) {
        try {
            client.pods().inNamespace(namespace).withName(p.getMetadata().getName()).delete();
            deleting.add(p.getMetadata().getName());
        } catch (KubernetesClientException e) {
            // Gone already, or the next round tries again.
        }
    }

    private void updateStatus(ReplicaSet rs, List<Pod> owned, int want) {
        int ready = (int) owned.stream().filter(Kubelet::isReady).count();
        var status = new ReplicaSetStatusBuilder().withReplicas(owned.size()).withReadyReplicas(ready)
                .withAvailableReplicas(ready).withFullyLabeledReplicas(owned.size())
                .withObservedGeneration(rs.getMetadata().getGeneration()).build();
        if (Objects.equals(status, rs.getStatus())) {
            return;
        }
        ReplicaSet copy = client.getKubernetesSerialization().clone(rs);
        copy.setStatus(status);
        try {
            client.apps().replicaSets().inNamespace(namespace).resource(copy).updateStatus();
        } catch (KubernetesClientException e) {
            // A conflict with the product's own write: the next round recomputes.
        }
    }

    private static String ownerUid(Pod p) {
        var refs = p.getMetadata().getOwnerReferences();
        return refs == null || refs.isEmpty() ? null : refs.get(0).getUid();
    }

    private String suffix() {
        StringBuilder s = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }

    @Override
    public void close() {
        super.close();
        replicaSets.stop();
        pods.stop();
    }
}
