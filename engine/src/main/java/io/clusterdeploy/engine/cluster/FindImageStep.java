package io.clusterdeploy.engine.cluster;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.OperationContext;
import io.clusterdeploy.engine.operation.OperationStep;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.ClusterGroups;
import java.util.List;
import java.util.Objects;

/** findImageFromCluster: the image (artifact) a cluster runs, in the context as {@code image}. */
final class FindImageStep implements OperationStep {
    static final String IMAGE = "image";
    static final String SERVER_GROUP = "serverGroupName";

    /** How findImageFromCluster picks among several groups. */
    enum Selection { NEWEST, LARGEST, OLDEST, FAIL }

    private final ClusterRef ref;
    private final boolean onlyEnabled;
    private final Selection selection;

    FindImageStep(ClusterRef ref, boolean onlyEnabled, Selection selection) {
        this.ref = ref;
        this.onlyEnabled = onlyEnabled;
        this.selection = selection;
    }

    /** The groups to choose from, or NOT_FOUND; also the operation's preflight. */
    static List<ServerGroup> candidates(CloudProvider provider, ClusterRef ref, boolean onlyEnabled) {
        List<ServerGroup> found = ClusterGroups.of(provider, ref.location(), ref.cluster()).stream()
                .filter(sg -> !onlyEnabled || sg.enabled()).toList();
        if (found.isEmpty()) {
            throw ClusterDeployException.notFound("cluster", "no " + (onlyEnabled ? "enabled " : "")
                    + "server group in cluster '" + ref.cluster() + "'");
        }
        return found;
    }

    @Override
    public String run(OperationContext ctx) {
        List<ServerGroup> found = candidates(ctx.provider(), ref, onlyEnabled);
        ServerGroup chosen = switch (selection) {
            case NEWEST -> found.get(0);
            case OLDEST -> found.get(found.size() - 1);
            case LARGEST -> ClusterOrder.sort(found, true).get(0);
            case FAIL -> {
                List<String> images = found.stream().map(ServerGroup::artifact).filter(Objects::nonNull).distinct()
                        .toList();
                if (images.size() > 1) {
                    throw ClusterDeployException.conflict("selectionStrategy", "cluster " + ref.cluster()
                            + " runs " + images.size() + " different images and selectionStrategy is FAIL");
                }
                yield found.get(0);
            }
        };
        ctx.put(IMAGE, chosen.artifact());
        ctx.put(SERVER_GROUP, chosen.name());
        return "image of " + chosen.name() + ": " + chosen.artifact();
    }
}
