package io.clusterdeploy.engine.canary.judge;

import io.clusterdeploy.engine.canary.config.CanaryConfig;
import io.clusterdeploy.engine.canary.config.ScoreThresholds;
import io.clusterdeploy.engine.canary.report.CanaryReport;
import io.clusterdeploy.engine.canary.report.GroupReport;
import io.clusterdeploy.engine.canary.report.MetricClass;
import io.clusterdeploy.engine.canary.report.MetricReport;
import io.clusterdeploy.engine.canary.report.SummaryBasis;
import io.clusterdeploy.engine.canary.report.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Kayenta's weighted-sum scoring: group score = Pass / counted × 100 over the metrics that are not
 * muted, counted = Pass + High + Low + NodataFailure (+ Error, which Kayenta leaves out); a group
 * with nothing counted scores 100. The summary is Σ score × weight / 100, rounded to two decimals,
 * and 0 when a critical metric failed or half or more of the scored metrics are Nodata.
 */
final class Scorer {
    private Scorer() {
    }

    static CanaryReport score(CanaryConfig config, ScoreThresholds thresholds, List<MetricReport> metrics) {
        List<MetricReport> scored = metrics.stream().filter(m -> !m.config().muted()).toList();
        Map<String, Double> weights = config.effectiveWeights();
        List<GroupReport> groups = new ArrayList<>();
        double sum = 0;
        for (Map.Entry<String, Double> group : weights.entrySet()) {
            Map<MetricClass, Integer> counts = new EnumMap<>(MetricClass.class);
            for (MetricReport m : scored) {
                if (m.config().groups().contains(group.getKey())) {
                    counts.merge(m.classification(), 1, Integer::sum);
                }
            }
            int pass = counts.getOrDefault(MetricClass.PASS, 0);
            int counted = pass + counts.getOrDefault(MetricClass.HIGH, 0) + counts.getOrDefault(MetricClass.LOW, 0)
                    + counts.getOrDefault(MetricClass.NODATA_FAILURE, 0) + counts.getOrDefault(MetricClass.ERROR, 0);
            double score = counted == 0 ? 100 : pass * 100.0 / counted;
            groups.add(new GroupReport(group.getKey(), group.getValue(), score, counted == 0, counts));
            sum += score * group.getValue() / 100;
        }
        MetricReport critical = scored.stream().filter(MetricReport::criticalFailure).findFirst().orElse(null);
        int nodata = (int) scored.stream().filter(m -> m.classification() == MetricClass.NODATA).count();
        if (critical != null) {
            return new CanaryReport(0, Verdict.FAIL, SummaryBasis.CRITICAL_FAILURE, critical.name(), scored.size(),
                    nodata, thresholds, groups, metrics);
        }
        if (!scored.isEmpty() && 2 * nodata >= scored.size()) {
            return new CanaryReport(0, Verdict.FAIL, SummaryBasis.TOO_MANY_NODATA, null, scored.size(), nodata,
                    thresholds, groups, metrics);
        }
        double score = BigDecimal.valueOf(sum).setScale(2, RoundingMode.HALF_UP).doubleValue();
        Verdict verdict = score >= thresholds.pass() ? Verdict.PASS
                : score >= thresholds.marginal() ? Verdict.MARGINAL : Verdict.FAIL;
        return new CanaryReport(score, verdict, SummaryBasis.GROUP_SCORES, null, scored.size(), nodata, thresholds,
                groups, metrics);
    }
}
