package io.clusterdeploy.engine.catalog;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** Every operation type the API and the steps accept, by its Spinnaker stage name: the one list of them. */
public enum OperationType {
    DEPLOY("deploy"),
    RESIZE("resize"),
    ENABLE("enable"),
    DISABLE("disable"),
    DESTROY("destroy"),
    UPSERT_LOAD_BALANCER("upsertLoadBalancer"),
    DISABLE_CLUSTER("disableCluster"),
    SCALE_DOWN_CLUSTER("scaleDownCluster"),
    SHRINK_CLUSTER("shrinkCluster"),
    ROLLBACK_CLUSTER("rollbackCluster"),
    FIND_IMAGE_FROM_CLUSTER("findImageFromCluster"),
    CHECK_CLUSTER_SIZE("checkClusterSize"),
    CANARY_ANALYSIS("canaryAnalysis");

    private final String id;

    OperationType(String id) {
        this.id = id;
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
