package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.provider.CloudProvider;
import java.util.List;

/**
 * A parsed, validated request turned into an ordered plan of steps. Built afresh from the stored
 * request whenever an operation resumes, so it must depend only on the request.
 */
public interface Operation {
    String type();

    String account();

    /** Region, namespace or {@code local}. */
    String location();

    /** The cluster it works on (for a load balancer, its cluster-style name). */
    String cluster();

    /** Operations with the same key never interleave. */
    default String lockKey() {
        return account() + "/" + location() + "/" + cluster();
    }

    /**
     * Checks the request against the cloud before anything runs (unknown server groups, bad
     * provider input). Throws; changes nothing.
     */
    void preflight(CloudProvider provider);

    List<Step> steps();

    /** Steps that undo the main phase after a failure or a cancel; empty when nothing is to undo. */
    List<Step> rollbackSteps();
}
