package io.clusterdeploy.engine.canary.judge;

import io.clusterdeploy.engine.canary.config.CanaryConfig;
import io.clusterdeploy.engine.canary.config.MetricConfig;
import io.clusterdeploy.engine.canary.config.ScoreThresholds;
import io.clusterdeploy.engine.canary.report.CanaryReport;
import io.clusterdeploy.engine.canary.report.MetricReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Judges a canary against its baseline: every metric of the config classified from the series
 * the sources returned, then scored. Pure computation, no I/O; stateless and thread-safe.
 */
public final class CanaryJudge {
    private final MetricJudge metricJudge = new MetricJudge();

    /** With the config's own score thresholds. */
    public CanaryReport judge(CanaryConfig config, Map<String, MetricPair> data) {
        return judge(config, config.scoreThresholds(), data);
    }

    /**
     * @param thresholds the thresholds to classify the score with (a request's override of the config's)
     * @param data       per metric name, the series of both sides; exactly the config's metrics
     */
    public CanaryReport judge(CanaryConfig config, ScoreThresholds thresholds, Map<String, MetricPair> data) {
        for (String name : data.keySet()) {
            if (config.metric(name).isEmpty()) {
                throw new IllegalArgumentException("data for '" + name + "', which the config does not measure");
            }
        }
        List<MetricReport> reports = new ArrayList<>();
        for (MetricConfig metric : config.metrics()) {
            MetricPair pair = data.get(metric.name());
            if (pair == null) {
                throw new IllegalArgumentException("no data for metric '" + metric.name() + "'");
            }
            reports.add(metricJudge.judge(metric, pair));
        }
        return Scorer.score(config, thresholds, reports);
    }
}
