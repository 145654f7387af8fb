package io.clusterdeploy.provider.kubernetes;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.provider.kubernetes.cache.NamespaceCache;
import io.clusterdeploy.provider.kubernetes.manifest.Keys;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enable and disable, as Spinnaker's Kubernetes provider does them: a group's Services select pods by labels, so
 * enabling puts each Service's selector labels on the ReplicaSet's pod template (for pods it creates later) and on
 * every running pod, and disabling takes them off again, always with an update that carries the resourceVersion
 * (never a merge patch, strategic merge or server-side apply). A disable returns only once no EndpointSlice of the
 * Services lists the pods as ready or serving, plus the account's propagation time for kube-proxies.
 */
final class Traffic {
    private final KubernetesClient client;
    private final Writes writes;
    private final Waits waits;

    Traffic(KubernetesClient client, Writes writes, Waits waits) {
        this.client = client;
        this.writes = writes;
        this.waits = waits;
    }

    /** The labels that put a pod in traffic: the union of its load balancers' selectors. */
    static Map<String, String> selectorLabels(NamespaceCache cache, ReplicaSet rs) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String lb : Annotations.list(rs, Keys.LOAD_BALANCERS)) {
            Service s = cache.service(lb).orElseThrow(() -> new ClusterDeployException(ErrorKind.NOT_FOUND,
                    "loadBalancers", "server group " + rs.getMetadata().getName() + " is associated with Service '"
                    + lb + "', which does not exist in namespace '" + cache.namespace() + "'"));
            labels.putAll(ModelMapper.selector(s));
        }
        return labels;
    }

    void enable(NamespaceCache cache, ReplicaSet rs) {
        String name = rs.getMetadata().getName();
        Map<String, String> selector = selectorLabels(cache, rs);
        if (selector.isEmpty()) {
            setDisabledAnnotation(cache, rs, false);
            return;
        }
        updateTemplate(cache, rs, labels -> {
            if (contains(labels, selector)) {
                return false;
            }
            labels.putAll(selector);
            return true;
        });
        boolean changed = false;
        for (Pod pod : cache.podsOf(name)) {
            changed |= updatePod(cache, pod, labels -> {
                if (contains(labels, selector)) {
                    return false;
                }
                labels.putAll(selector);
                return true;
            });
        }
        if (!changed) {
            return;
        }
        // Symmetric to disable: return once the ready pods are in the EndpointSlices and the proxies had time to act.
        List<String> lbs = Annotations.list(rs, Keys.LOAD_BALANCERS);
        waits.endpoints("the EndpointSlices of " + lbs + " do not list the ready pods of " + name,
                () -> cache.podsOf(name).stream().filter(ModelMapper::ready)
                        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
                        .allMatch(p -> lbs.stream().allMatch(lb -> ModelMapper.listedReady(cache, lb,
                                p.getMetadata().getName()))));
        waits.propagation();
    }

    void disable(NamespaceCache cache, ReplicaSet rs, int percentage) {
        String name = rs.getMetadata().getName();
        Map<String, String> selector = selectorLabels(cache, rs);
        if (selector.isEmpty()) {
            if (percentage >= 100) {
                setDisabledAnnotation(cache, rs, true);
            }
            return;
        }
        if (percentage >= 100) {
            // The template first, so that the ReplicaSet's replacements do not join the traffic.
            updateTemplate(cache, rs, labels -> removeAll(labels, selector));
        }
        List<Pod> pods = cache.podsOf(name);
        List<Pod> out = new ArrayList<>(pods.stream().filter(p -> !inTraffic(p, selector)).toList());
        int target = (percentage * pods.size() + 99) / 100;
        pods.stream().filter(p -> inTraffic(p, selector))
                .sorted(Comparator.comparing((Pod p) -> String.valueOf(p.getMetadata().getCreationTimestamp()))
                        .thenComparing(p -> p.getMetadata().getName()).reversed())
                .limit(Math.max(0, target - out.size()))
                .forEach(out::add);
        for (Pod pod : out) {
            updatePod(cache, pod, labels -> removeAll(labels, selector));
        }
        List<String> lbs = Annotations.list(rs, Keys.LOAD_BALANCERS);
        List<String> names = out.stream().map(p -> p.getMetadata().getName()).toList();
        waits.endpoints("the EndpointSlices of " + lbs + " still list pods of " + name + " as ready",
                () -> names.stream().noneMatch(pod -> lbs.stream().anyMatch(lb -> ModelMapper.listedReady(cache, lb, pod))));
        if (!names.isEmpty()) {
            waits.propagation();
        }
    }

    /** True when the pod carries the whole selector. */
    static boolean inTraffic(Pod pod, Map<String, String> selector) {
        return contains(Annotations.labels(pod), selector);
    }

    private static boolean contains(Map<String, String> labels, Map<String, String> selector) {
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    private static boolean removeAll(Map<String, String> labels, Map<String, String> selector) {
        boolean changed = false;
        for (String key : selector.keySet()) {
            changed |= labels.remove(key) != null;
        }
        return changed;
    }

    private interface LabelChange {
        /** Changes the labels in place; false when nothing needed to change. */
        boolean apply(Map<String, String> labels);
    }

    private void updateTemplate(NamespaceCache cache, ReplicaSet rs, LabelChange change) {
        String name = rs.getMetadata().getName();
        var rsOps = client.apps().replicaSets().inNamespace(cache.namespace());
        Optional<ReplicaSet> written = writes.update("update the pod template of ReplicaSet " + name,
                cache.replicaSet(name).orElse(rs),
                () -> Optional.ofNullable(rsOps.withName(name).get()),
                copy -> {
                    var meta = copy.getSpec().getTemplate().getMetadata();
                    Map<String, String> labels = meta.getLabels() == null ? new HashMap<>() : new HashMap<>(meta.getLabels());
                    if (!change.apply(labels)) {
                        return null;
                    }
                    meta.setLabels(labels);
                    return copy;
                },
                copy -> rsOps.resource(copy).update());
        written.ifPresent(w -> waits.visible(cache, w));
    }

    /** True when the pod was written. */
    private boolean updatePod(NamespaceCache cache, Pod pod, LabelChange change) {
        String name = pod.getMetadata().getName();
        var podOps = client.pods().inNamespace(cache.namespace());
        Optional<Pod> written = writes.update("update the labels of pod " + name,
                cache.pod(name).orElse(pod),
                () -> Optional.ofNullable(podOps.withName(name).get()),
                copy -> {
                    Map<String, String> labels = copy.getMetadata().getLabels() == null ? new HashMap<>()
                            : new HashMap<>(copy.getMetadata().getLabels());
                    if (!change.apply(labels)) {
                        return null;
                    }
                    copy.getMetadata().setLabels(labels);
                    return copy;
                },
                copy -> podOps.resource(copy).update());
        // A pod deleted meanwhile (scale-down) has nothing left to wait for.
        written.ifPresent(w -> waits.visible(cache, w));
        return written.isPresent() && !written.get().getMetadata().getResourceVersion()
                .equals(pod.getMetadata().getResourceVersion());
    }

    private void setDisabledAnnotation(NamespaceCache cache, ReplicaSet rs, boolean disabled) {
        String name = rs.getMetadata().getName();
        var rsOps = client.apps().replicaSets().inNamespace(cache.namespace());
        writes.update("mark ReplicaSet " + name + (disabled ? " disabled" : " enabled"),
                cache.replicaSet(name).orElse(rs),
                () -> Optional.ofNullable(rsOps.withName(name).get()),
                copy -> {
                    Map<String, String> a = copy.getMetadata().getAnnotations() == null ? new HashMap<>()
                            : new HashMap<>(copy.getMetadata().getAnnotations());
                    boolean now = "true".equals(a.get(Keys.DISABLED));
                    if (now == disabled) {
                        return null;
                    }
                    if (disabled) {
                        a.put(Keys.DISABLED, "true");
                    } else {
                        a.remove(Keys.DISABLED);
                    }
                    copy.getMetadata().setAnnotations(a);
                    return copy;
                },
                copy -> rsOps.resource(copy).update())
                .ifPresent(w -> waits.visible(cache, w));
    }
}
