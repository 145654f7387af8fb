package io.clusterdeploy.provider.kubernetes.manifest;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.Map;

/** Checks of a NetworkPolicy manifest a deploy asks to upsert. */
public final class NetworkPolicies {
    private NetworkPolicies() {
    }

    public static void check(String field, Map<String, Object> manifest) {
        Object kind = manifest.get("kind");
        if (!"NetworkPolicy".equals(kind)) {
            throw ClusterDeployException.invalid(field + ".kind", field + ".kind: expected NetworkPolicy, was '"
                    + kind + "'");
        }
        Object apiVersion = manifest.get("apiVersion");
        if (apiVersion != null && !"networking.k8s.io/v1".equals(apiVersion)) {
            throw ClusterDeployException.invalid(field + ".apiVersion", field + ".apiVersion: use networking.k8s.io/v1");
        }
        if (!(manifest.get("metadata") instanceof Map<?, ?> meta) || !(meta.get("name") instanceof String name)) {
            throw ClusterDeployException.invalid(field + ".metadata.name", field + ".metadata.name is required");
        }
        KubernetesNames.requireObjectName(field + ".metadata.name", "NetworkPolicy name", name);
        if (!(manifest.get("spec") instanceof Map<?, ?>)) {
            throw ClusterDeployException.invalid(field + ".spec", field + ".spec is required");
        }
    }

    /** The name of a checked manifest. */
    public static String name(Map<String, Object> manifest) {
        return (String) ((Map<?, ?>) manifest.get("metadata")).get("name");
    }

    /** The namespace of a checked manifest, or null. */
    public static String namespace(Map<String, Object> manifest) {
        Object ns = ((Map<?, ?>) manifest.get("metadata")).get("namespace");
        return ns instanceof String s ? s : null;
    }
}
