package io.clusterdeploy.provider.kubernetes.manifest;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Kubernetes deploy's input, {@code CreateServerGroupRequest.spec} parsed: exactly one of {@code podTemplate} (a
 * PodTemplateSpec) or {@code manifest} (a ReplicaSet or Deployment, as YAML/JSON text or as an object) whose
 * template is used; optionally the Services that front the cluster ({@code services}, each a load balancer spec with
 * a {@code name}), NetworkPolicies to upsert ({@code networkPolicies}) and {@code maxVersionHistory}.
 *
 * @param template          the pod template as the user gave it, checked
 * @param labels            labels for the ReplicaSet from a manifest's metadata (none for a bare pod template)
 * @param services          Services to create or update before the group
 * @param networkPolicies   NetworkPolicy manifests to create or update before the group
 * @param maxVersionHistory keep at most this many server groups in the cluster (older disabled ones are deleted), or 0
 * @param templateDigest    digest of the template, for recognising an identical re-deploy
 * @param namespace         the manifest's {@code metadata.namespace}, or null: must be the deploy's location
 */
public record DeploySpec(PodTemplateSpec template, Map<String, String> labels, List<LoadBalancerSpec> services,
                         List<Map<String, Object>> networkPolicies, int maxVersionHistory, String templateDigest,
                         String namespace) {

    static final String POD_TEMPLATE = "podTemplate";
    static final String MANIFEST = "manifest";
    static final String SERVICES = "services";
    static final String NETWORK_POLICIES = "networkPolicies";
    static final String MAX_VERSION_HISTORY = "maxVersionHistory";
    /** The whole spec, as JSON, may be at most this large (a manifest is also limited on its own). */
    public static final int MAX_SPEC_BYTES = 512 * 1024;

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    public DeploySpec {
        labels = Map.copyOf(labels);
        services = List.copyOf(services);
        networkPolicies = List.copyOf(networkPolicies);
    }

    /** Parses and checks a deploy spec; every error names {@code spec.…}; unknown keys are errors. */
    public static DeploySpec parse(Map<String, Object> spec) {
        Map<String, Object> plain = SafeManifest.plainMap("spec", spec == null ? Map.of() : spec);
        int size = SERIALIZATION.asJson(plain).getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_SPEC_BYTES) {
            throw ClusterDeployException.invalid("spec", "spec is " + size / 1024 + " KiB; at most "
                    + MAX_SPEC_BYTES / 1024 + " KiB are allowed");
        }
        Fields f = new Fields("spec", plain);
        boolean hasTemplate = f.has(POD_TEMPLATE);
        boolean hasManifest = f.has(MANIFEST);
        if (hasTemplate == hasManifest) {
            throw ClusterDeployException.invalid("spec.podTemplate", "give exactly one of spec.podTemplate (a pod"
                    + " template) or spec.manifest (a ReplicaSet or Deployment)");
        }
        Map<String, Object> templateMap;
        Map<String, String> labels = Map.of();
        String namespace = null;
        String templateField;
        if (hasTemplate) {
            templateField = "spec.podTemplate";
            templateMap = f.optionalMap(POD_TEMPLATE);
        } else {
            Object raw = f.raw().get(MANIFEST);
            Map<String, Object> manifest = raw instanceof String text ? SafeManifest.parse("spec.manifest", text)
                    : SafeManifest.plainMap("spec.manifest", raw);
            Workload workload = Workload.of("spec.manifest", manifest);
            templateField = "spec.manifest.spec.template";
            templateMap = workload.template();
            labels = workload.labels();
            namespace = workload.namespace();
        }
        PodTemplateSpec template = template(templateField, templateMap);
        List<LoadBalancerSpec> services = services(f);
        List<Map<String, Object>> policies = networkPolicies(f);
        int maxHistory = f.optionalInt(MAX_VERSION_HISTORY, 0, 1, 1000);
        f.rejectUnknown();
        return new DeploySpec(template, labels, services, policies, maxHistory, digest(templateMap),
                namespace);
    }

    /** The user's template labels: the workload's own labels, which a Service selector must not share keys with. */
    public Map<String, String> templateLabels() {
        Map<String, String> l = template.getMetadata() == null ? null : template.getMetadata().getLabels();
        return l == null ? Map.of() : Map.copyOf(l);
    }

    /** The container images, in container order: a Kubernetes server group's artifact. */
    public List<String> images() {
        return template.getSpec().getContainers().stream().map(Container::getImage).toList();
    }

    private static PodTemplateSpec template(String field, Map<String, Object> map) {
        Fields t = new Fields(field, map);
        Map<String, Object> metadata = t.optionalMap("metadata");
        Map<String, Object> podSpec = t.optionalMap("spec");
        t.rejectUnknown();
        Fields meta = new Fields(field + ".metadata", metadata);
        Map<String, String> labels = stringMap(meta, "labels", true);
        Map<String, String> annotations = stringMap(meta, "annotations", false);
        for (String key : List.of("name", "namespace", "generateName", "uid", "resourceVersion", "ownerReferences")) {
            if (meta.has(key)) {
                throw ClusterDeployException.invalid(meta.path(key), meta.path(key) + " is set by Kubernetes for each"
                        + " pod; leave it out of the template");
            }
        }
        meta.rejectUnknown();
        Object containers = podSpec.get("containers");
        if (!(containers instanceof List<?> list) || list.isEmpty()) {
            throw ClusterDeployException.invalid(field + ".spec.containers", field
                    + ".spec.containers must list at least one container");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = field + ".spec.containers[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> c)) {
                throw ClusterDeployException.invalid(at, at + " must be an object");
            }
            Object name = c.get("name");
            KubernetesNames.requireDns1123Label(at + ".name", "container name", name instanceof String s ? s : null);
            Object image = c.get("image");
            if (!(image instanceof String s) || s.isBlank()) {
                throw ClusterDeployException.invalid(at + ".image", at + ".image is required");
            }
        }
        Map<String, Object> cleanMeta = new LinkedHashMap<>();
        cleanMeta.put("labels", labels);
        cleanMeta.put("annotations", annotations);
        try {
            return SERIALIZATION.convertValue(Map.of("metadata", cleanMeta, "spec", podSpec), PodTemplateSpec.class);
        } catch (RuntimeException e) {
            throw ClusterDeployException.invalid(field + ".spec", field + ".spec is not a valid pod spec: "
                    + rootMessage(e));
        }
    }

    private static Map<String, String> stringMap(Fields meta, String key, boolean labels) {
        Map<String, Object> raw = meta.optionalMap(key);
        Map<String, String> out = new TreeMap<>();
        raw.forEach((k, v) -> {
            String at = meta.path(key) + "." + k;
            if (Keys.reserved(k)) {
                throw ClusterDeployException.invalid(at, at + ": keys under " + Keys.PREFIX + " are set by Cluster Deploy"
                        + " and may not be given");
            }
            if (!(v instanceof String s)) {
                throw ClusterDeployException.invalid(at, at + " must be a string (quote numbers and true/false)");
            }
            if (labels) {
                KubernetesNames.requireLabelKey(at, k);
                KubernetesNames.requireLabelValue(at, s);
            }
            out.put(k, s);
        });
        return out;
    }

    private static List<LoadBalancerSpec> services(Fields f) {
        if (!f.has(SERVICES)) {
            return List.of();
        }
        if (!(f.raw().get(SERVICES) instanceof List<?> list)) {
            throw ClusterDeployException.invalid("spec.services", "spec.services must be a list of Services");
        }
        List<LoadBalancerSpec> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "spec.services[" + i + "]";
            Map<String, Object> entry = SafeManifest.plainMap(at, list.get(i));
            Object name = entry.remove("name");
            if (!(name instanceof String n)) {
                throw ClusterDeployException.invalid(at + ".name", at + ".name is required");
            }
            KubernetesNames.requireServiceName(at + ".name", n);
            out.add(LoadBalancerSpec.parse(at, n, entry));
        }
        return out;
    }

    private static List<Map<String, Object>> networkPolicies(Fields f) {
        if (!f.has(NETWORK_POLICIES)) {
            return List.of();
        }
        if (!(f.raw().get(NETWORK_POLICIES) instanceof List<?> list)) {
            throw ClusterDeployException.invalid("spec.networkPolicies", "spec.networkPolicies must be a list of"
                    + " NetworkPolicy manifests");
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = "spec.networkPolicies[" + i + "]";
            Object raw = list.get(i);
            Map<String, Object> manifest = raw instanceof String text ? SafeManifest.parse(at, text)
                    : SafeManifest.plainMap(at, raw);
            NetworkPolicies.check(at, manifest);
            out.add(manifest);
        }
        return out;
    }

    private static String digest(Map<String, Object> template) {
        try {
            // Canonical: keys sorted at every level, so key order in the user's YAML does not matter.
            byte[] json = SERIALIZATION.asJson(sorted(template)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object sorted(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), sorted(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(DeploySpec::sorted).toList();
        }
        return value;
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
