package io.clusterdeploy.engine.analysis;

import io.clusterdeploy.engine.canary.config.CanaryConfig;
import io.clusterdeploy.engine.canary.config.CanaryConfigParser;
import io.clusterdeploy.engine.canary.config.ScoreThresholds;
import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.engine.operation.Operation;
import io.clusterdeploy.engine.operation.OperationTarget;
import io.clusterdeploy.engine.provider.Accounts;
import java.time.Instant;
import java.util.List;

/**
 * {@code canaryAnalysis}: judges a canary server group against its baseline over a window, as Kayenta's standalone
 * canary analysis does.
 * <pre>{@code
 * {type: canaryAnalysis,
 *  control:    {account, location, serverGroup} | {account, location, cluster[, target: current|previous|oldest]},
 *  experiment: the same,
 *  window: {start, end} | {lifetime: PT30M}, step: PT1M,
 *  config: {...our canary config or Kayenta's...}, scoreThresholds: {pass, marginal}}
 * }</pre>
 * The whole request, the config and every metric's query (by its source) are checked before anything is stored.
 * It changes nothing in any cloud, so it takes no place in its cluster's queue. Its steps fix the window and the
 * groups, wait for the window to end, then read and judge the metrics.
 */
public final class CanaryAnalysisOperation {
    public static final String TYPE = "canaryAnalysis";

    private CanaryAnalysisOperation() {
    }

    public static Operation parse(Fields f, ScopeLocations locations, Accounts accounts,
                                  MetricSources sources) {
        AnalysisScope control = AnalysisScope.parse(f, "control", locations);
        AnalysisScope experiment = AnalysisScope.parse(f, "experiment", locations);
        AnalysisWindow window = AnalysisWindow.parse(f);
        if (!f.has("config")) {
            throw ClusterDeployException.invalid(f.path("config"), f.path("config")
                    + " is required: the canary config (metrics, groups, score thresholds), ours or Kayenta's");
        }
        CanaryConfig config = CanaryConfigParser.parse(f.path("config"), f.optionalMap("config"));
        ScoreThresholds thresholds = f.has("scoreThresholds")
                ? ScoreThresholds.parse(f.path("scoreThresholds"), f.optionalMap("scoreThresholds"),
                        config.scoreThresholds())
                : config.scoreThresholds();
        CanaryJudgement judgement = new CanaryJudgement(config, thresholds, sources);
        judgement.validate(f.path("config"));
        OperationTarget target = new OperationTarget(experiment.account(), experiment.location(),
                experiment.cluster().app(), experiment.clusterName());
        return Operation.readOnly(TYPE, target, provider -> {
            // A window still to come needs live groups; an old one may be judged after they are gone.
            boolean live = window.endsAfter(Instant.now());
            control.resolve(accounts.get(control.account()), live);
            experiment.resolve(accounts.get(experiment.account()), live);
        }, List.of(new ResolveAnalysisStep(control, experiment, window, accounts), new WaitForWindowEndStep(),
                new JudgeCanaryStep(judgement)));
    }
}
