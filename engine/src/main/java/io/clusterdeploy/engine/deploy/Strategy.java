package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Spinnaker's deploy strategies, by their Spinnaker names. */
public enum Strategy {
    /** Create the new server group and touch nothing else. */
    NONE("none"),
    /** Deploy, wait healthy, then disable and destroy every older group of the cluster. */
    HIGHLANDER("highlander"),
    /** Deploy, wait healthy, then disable (and optionally scale down) the older groups. */
    REDBLACK("redblack"),
    /** Grow the new group and shrink the source's traffic in steps, checking health (and a hook) at each. */
    ROLLINGREDBLACK("rollingredblack"),
    /**
     * Provision a baseline (production's artifact) and a canary (the new one) beside production, judge their
     * metrics, and on a pass deploy production with red/black or rolling red/black; on a fail touch nothing.
     */
    CANARY("canary");

    private final String id;

    Strategy(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Strategy parse(String field, String value) {
        String v = value == null ? "" : value.toLowerCase(Locale.ROOT);
        if (v.isEmpty()) {
            return NONE;
        }
        for (Strategy s : values()) {
            if (s.id.equals(v)) {
                return s;
            }
        }
        throw ClusterDeployException.invalid(field, "unknown strategy '" + value + "'; expected one of "
                + Arrays.stream(values()).map(Strategy::id).collect(Collectors.joining(", ")));
    }
}
