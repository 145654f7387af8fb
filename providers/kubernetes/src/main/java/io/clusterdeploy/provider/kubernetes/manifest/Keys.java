package io.clusterdeploy.provider.kubernetes.manifest;

/**
 * The labels and annotations Cluster Deploy writes, all under its own prefix (Spinnaker's {@code moniker.spinnaker.io}
 * is Spinnaker's). Users may not set keys under the prefix: it would let a manifest claim another group's identity.
 */
public final class Keys {
    public static final String PREFIX = "clusterdeploy.io/";

    /** Label on the ReplicaSet and its pods, and the ReplicaSet's only selector: versions never select each other. */
    public static final String SERVER_GROUP = PREFIX + "server-group";
    /** Label: the cluster, so a cluster can be listed by label. */
    public static final String CLUSTER = PREFIX + "cluster";
    /** Label and annotation: the application. */
    public static final String APPLICATION = PREFIX + "application";

    // Moniker annotations.
    public static final String STACK = PREFIX + "stack";
    public static final String DETAIL = PREFIX + "detail";
    public static final String SEQUENCE = PREFIX + "sequence";

    /** Annotation: the operation that created the object, so a retried or resumed create adopts its own work. */
    public static final String OPERATION = PREFIX + "operation";
    /** Annotation: the other engine tags as a JSON object. */
    public static final String TAGS = PREFIX + "tags";
    /** Annotation: JSON list of the Services the group is associated with (Spinnaker's load balancer annotation). */
    public static final String LOAD_BALANCERS = PREFIX + "load-balancers";
    /** Annotation: JSON list of the NetworkPolicies of the group. */
    public static final String SECURITY_GROUPS = PREFIX + "security-groups";
    public static final String CAPACITY_MIN = PREFIX + "capacity-min";
    public static final String CAPACITY_MAX = PREFIX + "capacity-max";
    /** Annotation: the group is disabled though it has no load balancer to be taken out of. */
    public static final String DISABLED = PREFIX + "disabled";
    /** Annotation: a digest of the pod template as the user gave it, so an identical re-deploy can be recognised. */
    public static final String TEMPLATE_DIGEST = PREFIX + "template-digest";

    /** Annotation: creation time in milliseconds (creationTimestamp has seconds only), for "newest" decisions. */
    public static final String CREATED = PREFIX + "created";

    /** The default selector key of a Service this provider creates: one per Service, never a workload label. */
    public static final String LOAD_BALANCER_SELECTOR_PREFIX = "lb.clusterdeploy.io/";

    private Keys() {
    }

    /** True for keys users may not set (ours). */
    public static boolean reserved(String key) {
        return key.startsWith(PREFIX) || key.startsWith(LOAD_BALANCER_SELECTOR_PREFIX);
    }
}
