package io.clusterdeploy.engine.catalog;

import io.clusterdeploy.engine.analysis.CanaryAnalysisOperation;
import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.cluster.ClusterOperations;
import io.clusterdeploy.engine.cluster.RollbackCluster;
import io.clusterdeploy.engine.deploy.DeployOperation;
import io.clusterdeploy.engine.deploy.DeployRequest;
import io.clusterdeploy.engine.deploy.ValidationHooks;
import io.clusterdeploy.engine.deploy.strategy.DeployStrategies;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.guard.TrafficGuards;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.loadbalancer.UpsertLoadBalancerOperation;
import io.clusterdeploy.engine.model.Account;
import io.clusterdeploy.engine.operation.Operation;
import io.clusterdeploy.engine.operation.OperationParser;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.servergroup.ServerGroupOperations;
import java.util.Map;

/**
 * Turns requests into operations by their {@code type}. Resolves the account (404 if unknown) and the
 * location (defaulted when the account has only one), and reads {@code failIfBusy}, {@code reason} and
 * {@code startedBy} ({@link Attribution}), the fields every
 * operation shares; each type's own fields are read by its package.
 */
public final class OperationCatalog implements OperationParser {
    private final Accounts accounts;
    private final TrafficGuards guards;
    private final ValidationHooks hooks;
    private final MetricSources metricSources;

    public OperationCatalog(Accounts accounts, TrafficGuards guards) {
        this(accounts, guards, ValidationHooks.NONE);
    }

    public OperationCatalog(Accounts accounts, TrafficGuards guards, ValidationHooks hooks) {
        this(accounts, guards, hooks, MetricSources.none());
    }

    /** @param metricSources where canary analyses read metrics; none: every canaryAnalysis is refused, naming the field */
    public OperationCatalog(Accounts accounts, TrafficGuards guards, ValidationHooks hooks, MetricSources metricSources) {
        this.accounts = accounts;
        this.guards = guards;
        this.hooks = hooks;
        this.metricSources = metricSources;
    }

    @Override
    public Operation parse(Map<String, Object> request) {
        Fields f = Fields.of(request);
        OperationType type = OperationType.parse(f.path("type"), f.requiredString("type"));
        if (type == OperationType.CANARY_ANALYSIS) {
            return canaryAnalysis(f);
        }
        String accountName = f.requiredString("account");
        Account account = accounts.get(accountName).account();
        String location = location(f, account);
        boolean failIfBusy = f.optionalBoolean("failIfBusy", false);
        Attribution.read(f);
        Operation op = switch (type) {
            case DEPLOY -> {
                DeployRequest deploy = DeployRequest.parse(f, accountName, location);
                yield DeployOperation.create(deploy, DeployStrategies.of(deploy.strategy()), hooks, metricSources);
            }
            case RESIZE -> ServerGroupOperations.resize(f, accountName, location);
            case ENABLE -> ServerGroupOperations.enable(f, accountName, location);
            case DISABLE -> ServerGroupOperations.disable(f, accountName, location);
            case DESTROY -> ServerGroupOperations.destroy(f, accountName, location);
            case UPSERT_LOAD_BALANCER -> UpsertLoadBalancerOperation.parse(f, accountName, location);
            case DISABLE_CLUSTER -> ClusterOperations.disableCluster(f, accountName, location, guards);
            case SCALE_DOWN_CLUSTER -> ClusterOperations.scaleDownCluster(f, accountName, location, guards);
            case SHRINK_CLUSTER -> ClusterOperations.shrinkCluster(f, accountName, location, guards);
            case ROLLBACK_CLUSTER -> RollbackCluster.parse(f, accountName, location);
            case FIND_IMAGE_FROM_CLUSTER -> ClusterOperations.findImageFromCluster(f, accountName, location);
            case CHECK_CLUSTER_SIZE -> ClusterOperations.checkClusterSize(f, accountName, location);
            case CANARY_ANALYSIS -> throw new IllegalStateException("parsed above");
        };
        f.rejectUnknown();
        return op.withFailIfBusy(failIfBusy);
    }

    /** Two scopes, each with its own account and location, instead of the shared {@code account}. */
    private Operation canaryAnalysis(Fields f) {
        Operation op = CanaryAnalysisOperation.parse(f, (scope, accountName) -> {
            Account account;
            try {
                account = accounts.get(accountName).account();
            } catch (ClusterDeployException e) {
                throw new ClusterDeployException(e.kind(), scope.path("account"), scope.path("account") + ": "
                        + e.getMessage());
            }
            return location(scope, account);
        }, accounts, metricSources);
        Attribution.read(f);
        if (f.optionalBoolean("failIfBusy", false)) {
            throw ClusterDeployException.invalid(f.path("failIfBusy"), "failIfBusy does not apply to canaryAnalysis: "
                    + "it changes nothing and never queues behind the operations on its cluster");
        }
        f.rejectUnknown();
        return op;
    }

    private static String location(Fields f, Account account) {
        String location = f.optionalString("location", null);
        if (location == null || location.isBlank()) {
            if (account.locations().size() == 1) {
                return account.locations().get(0);
            }
            throw ClusterDeployException.invalid(f.path("location"), f.path("location") + " is required: account '"
                    + account.name() + "' has " + account.locations());
        }
        if (!account.locations().contains(location)) {
            throw ClusterDeployException.invalid(f.path("location"), "account '" + account.name()
                    + "' has no location '" + location + "'; it has " + account.locations());
        }
        return location;
    }
}
