package io.clusterdeploy.engine.analysis;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.ServerGroup;
import java.util.List;
import java.util.Optional;

/**
 * Which server group of a cluster a scope means, as Spinnaker's dynamic targets do: the newest enabled group
 * ({@code current}, Spinnaker's {@code current_asg_dynamic}), the enabled group before it ({@code previous},
 * {@code ancestor_asg_dynamic}) or the oldest group ({@code oldest}, {@code oldest_asg_dynamic}).
 */
enum ScopeTarget {
    CURRENT("current", "current_asg_dynamic"),
    PREVIOUS("previous", "ancestor_asg_dynamic"),
    OLDEST("oldest", "oldest_asg_dynamic");

    private final String id;
    private final String spinnakerId;

    ScopeTarget(String id, String spinnakerId) {
        this.id = id;
        this.spinnakerId = spinnakerId;
    }

    String id() {
        return id;
    }

    static ScopeTarget parse(String field, String value) {
        for (ScopeTarget t : values()) {
            if (t.id.equals(value) || t.spinnakerId.equals(value)) {
                return t;
            }
        }
        throw ClusterDeployException.invalid(field, field + " must be one of current, previous, oldest (or Spinnaker's "
                + "current_asg_dynamic, ancestor_asg_dynamic, oldest_asg_dynamic), was '" + value + "'");
    }

    /** The chosen group of a cluster's groups (newest first), if there is one. */
    Optional<ServerGroup> choose(List<ServerGroup> newestFirst) {
        List<ServerGroup> enabled = newestFirst.stream().filter(ServerGroup::enabled).toList();
        return switch (this) {
            case CURRENT -> enabled.stream().findFirst();
            case PREVIOUS -> enabled.stream().skip(1).findFirst();
            case OLDEST -> newestFirst.isEmpty() ? Optional.empty() : Optional.of(newestFirst.get(newestFirst.size() - 1));
        };
    }
}
