package io.clusterdeploy.engine.catalog;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Every operation type the API and the steps accept, by its Spinnaker stage name: the one list of them. */
public enum OperationType {
    DEPLOY("deploy", false),
    RESIZE("resize", false),
    ENABLE("enable", false),
    DISABLE("disable", true),
    DESTROY("destroy", true),
    UPSERT_LOAD_BALANCER("upsertLoadBalancer", false),
    DISABLE_CLUSTER("disableCluster", true),
    SCALE_DOWN_CLUSTER("scaleDownCluster", true),
    SHRINK_CLUSTER("shrinkCluster", true),
    ROLLBACK_CLUSTER("rollbackCluster", true),
    FIND_IMAGE_FROM_CLUSTER("findImageFromCluster", false),
    CHECK_CLUSTER_SIZE("checkClusterSize", false),
    CANARY_ANALYSIS("canaryAnalysis", false);

    private final String id;
    private final boolean destructive;

    OperationType(String id, boolean destructive) {
        this.id = id;
        this.destructive = destructive;
    }

    /**
     * Takes serving capacity or traffic away, or deletes: on a protected account the API asks for the account's name
     * (as Deck asks on accounts with {@code challengeDestructiveActions}).
     */
    public boolean destructive() {
        return destructive;
    }

    /** As requests and state files write it. */
    public String id() {
        return id;
    }

    /** INVALID_INPUT naming {@code field} and every type when {@code value} is none of them. */
    public static OperationType parse(String field, String value) {
        for (OperationType t : values()) {
            if (t.id.equals(value)) {
                return t;
            }
        }
        throw ClusterDeployException.invalid(field, "unknown operation type '" + value + "'; expected one of "
                + Arrays.stream(values()).map(OperationType::id).collect(Collectors.joining(", ")));
    }
}
