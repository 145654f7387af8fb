package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.naming.ServerGroupName;
import java.util.LinkedHashMap;
import java.util.Map;

/** Checks traffic weights: server group names (with their version) to whole percentages summing to at most 100. */
final class TrafficWeights {
    static final String FIELD = "percentByServerGroup";

    private TrafficWeights() {
    }

    /** An unmodifiable copy; INVALID_INPUT naming {@code percentByServerGroup[NAME]} or the whole field. */
    static Map<String, Integer> check(Map<String, Integer> percentByServerGroup) {
        if (percentByServerGroup == null) {
            throw ClusterDeployException.invalid(FIELD, FIELD + " is required (an empty map removes the weights)");
        }
        Map<String, Integer> checked = new LinkedHashMap<>();
        int sum = 0;
        for (Map.Entry<String, Integer> e : percentByServerGroup.entrySet()) {
            String group = e.getKey();
            String field = FIELD + "[" + group + "]";
            ServerGroupName name;
            try {
                name = ServerGroupName.parse(group);
            } catch (ClusterDeployException invalid) {
                throw ClusterDeployException.invalid(field, "'" + group + "' is not a server group name: "
                        + invalid.getMessage());
            }
            if (name.sequence() == null) {
                throw ClusterDeployException.invalid(field, "'" + group + "' names a cluster, not a server group"
                        + " (no version suffix such as -v001)");
            }
            Integer percent = e.getValue();
            if (percent == null || percent < 0 || percent > 100) {
                throw ClusterDeployException.invalid(field, field + " must be a whole percentage from 0 to 100, was "
                        + percent);
            }
            sum += percent;
            checked.put(group, percent);
        }
        if (sum > 100) {
            throw ClusterDeployException.invalid(FIELD, "the percentages of " + FIELD + " add up to " + sum
                    + ", more than 100");
        }
        return Map.copyOf(checked);
    }
}
