package io.clusterdeploy.engine.canary.report;

import io.clusterdeploy.engine.canary.config.EffectSize;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.stats.MannWhitneyResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as plain maps and lists for any JSON writer: numbers as Double/Long/Integer, a NaN or
 * infinite number as null, series as {@code {timestamps: [epoch ms], values: [..]}}, gaps as null.
 * Every number is read from the report, none computed here.
 */
public final class ReportJson {
    private ReportJson() {
    }

    /** With both series of every metric. */
    public static Map<String, Object> toMap(CanaryReport report) {
        return toMap(report, true);
    }

    /** @param withSeries false to leave the points out (their counts stay) */
    public static Map<String, Object> toMap(CanaryReport report, boolean withSeries) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("score", number(report.score()));
        out.put("classification", report.classification().label());
        out.put("reason", report.reason());
        out.put("scoreThresholds", Map.of("pass", report.thresholds().pass(), "marginal", report.thresholds().marginal()));
        out.put("scoredMetrics", report.scored());
        out.put("nodataMetrics", report.nodata());
        out.put("warnings", report.warnings());
        List<Object> groups = new ArrayList<>();
        for (GroupReport g : report.groups()) {
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("name", g.name());
            group.put("weight", number(g.weight()));
            group.put("score", number(g.score()));
            group.put("noData", g.noData());
            Map<String, Object> counts = new LinkedHashMap<>();
            g.counts().forEach((c, n) -> counts.put(c.label(), n));
            group.put("counts", counts);
            groups.add(group);
        }
        out.put("groups", groups);
        List<Object> metrics = new ArrayList<>();
        for (MetricReport m : report.metrics()) {
            metrics.add(metric(m, withSeries));
        }
        out.put("metrics", metrics);
        return out;
    }

    static Map<String, Object> metric(MetricReport m, boolean withSeries) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", m.name());
        out.put("source", m.config().query().source());
        out.put("groups", m.config().groups());
        out.put("classification", m.classification().label());
        out.put("reason", m.reason());
        out.put("direction", m.config().direction().configName());
        out.put("critical", m.config().critical());
        out.put("criticalFailure", m.criticalFailure());
        out.put("muted", m.config().muted());
        out.put("canary", side(m.canary(), withSeries));
        out.put("baseline", side(m.baseline(), withSeries));
        Comparison c = m.comparison();
        if (c != null) {
            MannWhitneyResult t = c.test();
            Map<String, Object> interval = new LinkedHashMap<>();
            interval.put("lower", number(t.lower()));
            interval.put("upper", number(t.upper()));
            interval.put("confidenceLevel", number(t.confidenceLevel()));
            interval.put("relativeLower", number(m.relativeToBaseline(t.lower())));
            interval.put("relativeUpper", number(m.relativeToBaseline(t.upper())));
            Map<String, Object> statistics = new LinkedHashMap<>();
            statistics.put("test", "Mann-Whitney U, two-sided");
            statistics.put("method", t.method() == MannWhitneyResult.Method.EXACT ? "exact" : "normal approximation");
            statistics.put("statistic", number(t.statistic()));
            statistics.put("pValue", number(t.pValue()));
            statistics.put("estimate", number(t.estimate()));
            statistics.put("interval", interval);
            statistics.put("toleranceBand", number(c.toleranceBand()));
            out.put("statistics", statistics);
            EffectSize e = m.config().effectSize();
            Map<String, Object> effect = new LinkedHashMap<>();
            effect.put("measure", c.measure().configName());
            effect.put("value", number(c.effectSize()));
            effect.put("meanRatio", number(c.meanRatio()));
            effect.put("cles", number(c.cles()));
            effect.put("allowedIncrease", e.allowedIncrease());
            effect.put("allowedDecrease", e.allowedDecrease());
            effect.put("criticalIncrease", e.criticalIncrease());
            effect.put("criticalDecrease", e.criticalDecrease());
            out.put("effectSize", effect);
        }
        out.put("warnings", m.warnings());
        if (m.error() != null) {
            out.put("error", m.error());
        }
        return out;
    }

    private static Map<String, Object> side(SeriesSummary s, boolean withSeries) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("points", s.points());
        out.put("missing", s.missing());
        out.put("replaced", s.replaced());
        out.put("outliers", s.outliers());
        out.put("used", s.used());
        out.put("mean", number(s.mean()));
        out.put("min", number(s.min()));
        out.put("max", number(s.max()));
        out.put("standardDeviation", number(s.standardDeviation()));
        if (withSeries) {
            out.put("series", series(s.series()));
        }
        return out;
    }

    private static Map<String, Object> series(TimeSeries series) {
        List<Long> timestamps = new ArrayList<>(series.size());
        List<Double> values = new ArrayList<>(series.size());
        for (int i = 0; i < series.size(); i++) {
            timestamps.add(series.epochMillis(i));
            values.add(number(series.value(i)));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("timestamps", timestamps);
        out.put("values", values);
        return out;
    }

    private static Double number(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
