package io.clusterdeploy.engine.operation;

import io.clusterdeploy.engine.cluster.ClusterOperations;
import io.clusterdeploy.engine.cluster.RollbackCluster;
import io.clusterdeploy.engine.deploy.DeployOperation;
import io.clusterdeploy.engine.deploy.DeployRequest;
import io.clusterdeploy.engine.deploy.ValidationHooks;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.loadbalancer.UpsertLoadBalancerOperation;
import io.clusterdeploy.engine.model.Account;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.serverop.ServerGroupOperations;
import java.util.Map;

/**
 * The operation types the API accepts, by their {@code type} field. Resolves the account (404 if
 * unknown) and the location (defaulted when the account has only one).
 */
public final class Operations implements OperationParser {
    /** Every operation type, by its Spinnaker stage name. */
    public static final java.util.List<String> TYPES = java.util.List.of("deploy", "resize", "enable", "disable",
            "destroy", "upsertLoadBalancer", "disableCluster", "scaleDownCluster", "shrinkCluster", "rollbackCluster",
            "findImageFromCluster", "checkClusterSize");

    private final Accounts accounts;
    private final TrafficGuards guards;
    private final ValidationHooks hooks;

    public Operations(Accounts accounts, TrafficGuards guards) {
        this(accounts, guards, ValidationHooks.NONE);
    }

    public Operations(Accounts accounts, TrafficGuards guards, ValidationHooks hooks) {
        this.accounts = accounts;
        this.guards = guards;
        this.hooks = hooks;
    }

    @Override
    public Operation parse(Map<String, Object> request) {
        Fields f = Fields.of(request);
        String type = f.requiredString("type");
        String accountName = f.requiredString("account");
        Account account = accounts.get(accountName).account();
        String location = location(f, account);
        f.optionalBoolean("failIfBusy", false); // read by the runner; checked here like every field
        Operation op = switch (type) {
            case "deploy" -> new DeployOperation(DeployRequest.parse(f, accountName, location), hooks);
            case "resize" -> ServerGroupOperations.resize(f, accountName, location);
            case "enable" -> ServerGroupOperations.enable(f, accountName, location);
            case "disable" -> ServerGroupOperations.disable(f, accountName, location);
            case "destroy" -> ServerGroupOperations.destroy(f, accountName, location);
            case "upsertLoadBalancer" -> UpsertLoadBalancerOperation.parse(f, accountName, location);
            case "disableCluster" -> ClusterOperations.disableCluster(f, accountName, location, guards);
            case "scaleDownCluster" -> ClusterOperations.scaleDownCluster(f, accountName, location, guards);
            case "shrinkCluster" -> ClusterOperations.shrinkCluster(f, accountName, location, guards);
            case "rollbackCluster" -> RollbackCluster.parse(f, accountName, location);
            case "findImageFromCluster" -> ClusterOperations.findImageFromCluster(f, accountName, location);
            case "checkClusterSize" -> ClusterOperations.checkClusterSize(f, accountName, location);
            default -> throw ClusterDeployException.invalid("type", "unknown operation type '" + type
                    + "'; expected one of " + String.join(", ", TYPES));
        };
        f.rejectUnknown();
        return op;
    }

    private static String location(Fields f, Account account) {
        String location = f.optionalString("location", null);
        if (location == null || location.isBlank()) {
            if (account.locations().size() == 1) {
                return account.locations().get(0);
            }
            throw ClusterDeployException.invalid("location", "location is required: account '" + account.name()
                    + "' has " + account.locations());
        }
        if (!account.locations().contains(location)) {
            throw ClusterDeployException.invalid("location", "account '" + account.name()
                    + "' has no location '" + location + "'; it has " + account.locations());
        }
        return location;
    }
}
