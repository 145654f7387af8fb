package io.clusterdeploy.provider.kubernetes.manifest;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A ReplicaSet- or Deployment-shaped manifest, reduced to what a server group takes from it: the pod template and
 * the labels of its metadata. Its name, replicas, selector and rollout settings are Cluster Deploy's to decide (the
 * versioned name, the capacity, the group's own selector, the strategy), so they are ignored.
 *
 * @param template  {@code spec.template}
 * @param labels    {@code metadata.labels}
 * @param namespace {@code metadata.namespace}, or null
 */
record Workload(Map<String, Object> template, Map<String, String> labels, String namespace) {
    private static final Set<String> KINDS = Set.of("ReplicaSet", "Deployment");
    private static final Set<String> API_VERSIONS = Set.of("apps/v1");

    static Workload of(String field, Map<String, Object> manifest) {
        Fields m = new Fields(field, manifest);
        String kind = m.optionalString("kind", null);
        if (kind == null || !KINDS.contains(kind)) {
            throw ClusterDeployException.invalid(field + ".kind", field + ".kind: unsupported kind '" + kind
                    + "'; a server group is deployed from a ReplicaSet or Deployment manifest (or spec.podTemplate)");
        }
        String apiVersion = m.optionalString("apiVersion", "apps/v1");
        if (!API_VERSIONS.contains(apiVersion)) {
            throw ClusterDeployException.invalid(field + ".apiVersion", field + ".apiVersion: '" + apiVersion
                    + "' is not supported for " + kind + "; use apps/v1");
        }
        Fields meta = m.object("metadata");
        meta.optionalString("name", null);
        String namespace = meta.optionalString("namespace", null);
        Map<String, Object> rawLabels = meta.optionalMap("labels");
        meta.optionalMap("annotations");
        Map<String, String> labels = new TreeMap<>();
        rawLabels.forEach((k, v) -> {
            String at = meta.path("labels") + "." + k;
            if (Keys.reserved(k)) {
                throw ClusterDeployException.invalid(at, at + ": keys under " + Keys.PREFIX
                        + " are set by Cluster Deploy and may not be given");
            }
            if (!(v instanceof String s)) {
                throw ClusterDeployException.invalid(at, at + " must be a string");
            }
            KubernetesNames.requireLabelKey(at, k);
            KubernetesNames.requireLabelValue(at, s);
            labels.put(k, s);
        });
        Fields spec = m.object("spec");
        if (!spec.has("template")) {
            throw ClusterDeployException.invalid(field + ".spec.template", field + ".spec.template is required");
        }
        Map<String, Object> template = spec.optionalMap("template");
        // Decided by Cluster Deploy; accepted so that an existing manifest can be used as it is.
        for (String ignored : List.of("replicas", "selector", "strategy", "revisionHistoryLimit",
                "progressDeadlineSeconds", "paused", "minReadySeconds")) {
            spec.has(ignored);
        }
        spec.rejectUnknown();
        return new Workload(template, labels, namespace);
    }
}
