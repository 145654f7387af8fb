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

    /** What the operation works on, for display and (later) per-cluster locking. */
    String target();

    /**
     * Checks the request against the cloud before anything runs (unknown server groups, bad
     * provider input). Throws; changes nothing.
     */
    void preflight(CloudProvider provider);

    List<Step> steps();

    /** Steps that undo the main phase after a failure or a cancel; empty when nothing is to undo. */
    List<Step> rollbackSteps();
}
