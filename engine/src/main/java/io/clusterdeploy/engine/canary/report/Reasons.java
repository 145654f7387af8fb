package io.clusterdeploy.engine.canary.report;

import io.clusterdeploy.engine.canary.config.EffectMeasure;
import io.clusterdeploy.engine.canary.config.EffectSize;
import io.clusterdeploy.engine.canary.config.MetricConfig;
import io.clusterdeploy.engine.canary.config.ScoreThresholds;
import io.clusterdeploy.engine.canary.stats.MannWhitneyResult;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/** The reason sentences, formatted from the report's own fields. */
final class Reasons {
    private Reasons() {
    }

    static String of(MetricReport r) {
        String name = r.name();
        return switch (r.basis()) {
            case NO_CANARY_DATA -> name + ": the canary has no data" + noData(r.canary()) + mustHave(r);
            case NO_BASELINE_DATA -> name + ": the baseline has no data" + noData(r.baseline()) + mustHave(r);
            case NO_DATA -> name + ": neither the canary nor the baseline has data" + mustHave(r);
            case INFINITE_VALUES -> name + " cannot be compared: "
                    + infiniteSide(r) + " holds infinite values";
            case IDENTICAL -> name + " of the canary and the baseline are identical ("
                    + r.canary().used() + " and " + r.baseline().used() + " values)";
            case SINGLE_VALUE -> name + ": every value of the canary and the baseline is " + number(r.canary().min());
            case FAILED -> name + " could not be judged: " + r.error();
            case COMPARED -> compared(r);
        };
    }

    private static String infiniteSide(MetricReport r) {
        boolean canary = hasInfinite(r.canary());
        boolean baseline = hasInfinite(r.baseline());
        return canary && baseline ? "the canary and the baseline each" : canary ? "the canary" : "the baseline";
    }

    private static boolean hasInfinite(SeriesSummary s) {
        for (double v : s.series().values()) {
            if (Double.isInfinite(v)) {
                return true;
            }
        }
        return false;
    }

    private static String noData(SeriesSummary s) {
        if (s == null || s.points() == 0) {
            return " (no points)";
        }
        return " (all " + s.points() + " points missing)";
    }

    private static String mustHave(MetricReport r) {
        if (r.classification() == MetricClass.NODATA_FAILURE) {
            return ", and it must have data";
        }
        if (r.criticalFailure()) {
            return ", and it is critical";
        }
        return "";
    }

    private static String compared(MetricReport r) {
        Comparison c = r.comparison();
        MannWhitneyResult t = c.test();
        MetricConfig config = r.config();
        StringBuilder s = new StringBuilder(r.name()).append(" of the canary ");
        double ratio = c.meanRatio();
        if (Double.isFinite(ratio) && r.baseline().mean() > 0) {
            if (ratio >= 1) {
                s.append("is ").append(percent(ratio - 1)).append(" higher");
            } else {
                s.append("is ").append(percent(1 - ratio)).append(" lower");
            }
        } else {
            s.append("averages ").append(number(r.canary().mean())).append(" against ")
                    .append(number(r.baseline().mean())).append(" for the baseline");
        }
        if (c.measure() == EffectMeasure.CLES) {
            s.append(", above the baseline in ").append(percent(c.cles())).append(" of pairs");
        }
        s.append(", ").append(percent(t.confidenceLevel())).append(" interval ");
        double lower = r.relativeToBaseline(t.lower());
        double upper = r.relativeToBaseline(t.upper());
        if (Double.isFinite(lower) && Double.isFinite(upper)) {
            s.append(signedPercent(lower)).append("..").append(signedPercent(upper));
        } else {
            s.append("of the shift ").append(signed(t.lower())).append("..").append(signed(t.upper()));
        }
        s.append(", ").append(verdict(r, c, config));
        return s.toString();
    }

    private static String verdict(MetricReport r, Comparison c, MetricConfig config) {
        EffectSize e = config.effectSize();
        EffectMeasure measure = e.measure();
        return switch (r.classification()) {
            case HIGH -> beyond("above", "increase", e.allowedIncrease(), measure)
                    + (r.criticalFailure() ? ", beyond the critical " + threshold("increase", e.criticalIncrease(), measure)
                            + " of a critical metric" : "");
            case LOW -> beyond("below", "decrease", e.allowedDecrease(), measure)
                    + (r.criticalFailure() ? ", beyond the critical " + threshold("decrease", e.criticalDecrease(), measure)
                            + " of a critical metric" : "");
            default -> {
                if (c.significantIncrease()) {
                    yield config.direction().judgesIncrease()
                            ? "within the allowed " + threshold("increase", e.allowedIncrease(), measure)
                            : "an increase, which a metric of direction " + config.direction().configName() + " accepts";
                }
                if (c.significantDecrease()) {
                    yield config.direction().judgesDecrease()
                            ? "within the allowed " + threshold("decrease", e.allowedDecrease(), measure)
                            : "a decrease, which a metric of direction " + config.direction().configName() + " accepts";
                }
                yield "no significant difference";
            }
        };
    }

    private static String beyond(String side, String change, double threshold, EffectMeasure measure) {
        if (threshold == measure.neutral()) {
            return "a significant " + change;
        }
        return side + " the allowed " + threshold(change, threshold, measure);
    }

    /** A threshold as the reader thinks of it: a ratio of 1.1 as an increase of 10%; a CLES as its value. */
    private static String threshold(String change, double value, EffectMeasure measure) {
        if (measure == EffectMeasure.CLES) {
            return "CLES of " + number(value);
        }
        return change + " of " + percent(Math.abs(value - 1));
    }

    static String of(CanaryReport r) {
        String score = "score " + number(r.score());
        ScoreThresholds t = r.thresholds();
        return switch (r.basis()) {
            case CRITICAL_FAILURE -> "Score 0: critical metric " + r.decidingMetric() + " failed ("
                    + r.metric(r.decidingMetric()).reason() + ")";
            case TOO_MANY_NODATA -> "Score 0: " + r.nodata() + " of " + r.scored()
                    + " scored metrics have no data, 50% or more";
            case GROUP_SCORES -> switch (r.classification()) {
                case PASS -> "The " + score + " is at or above the pass threshold " + number(t.pass());
                case MARGINAL -> "The " + score + " is below the pass threshold " + number(t.pass())
                        + " and at or above the marginal threshold " + number(t.marginal());
                case FAIL -> "The " + score + " is below the marginal threshold " + number(t.marginal());
            };
        };
    }

    static String percent(double fraction) {
        double p = Math.abs(fraction * 100);
        String digits;
        if (p >= 10 || p == Math.rint(p)) {
            digits = String.format(Locale.ROOT, "%.0f", p);
        } else if (p >= 1) {
            digits = String.format(Locale.ROOT, "%.1f", p);
        } else {
            digits = String.format(Locale.ROOT, "%.2f", p);
        }
        return digits + "%";
    }

    static String signedPercent(double fraction) {
        return (fraction < 0 ? "-" : "+") + percent(fraction);
    }

    static String signed(double v) {
        return (v < 0 ? "-" : "+") + number(Math.abs(v));
    }

    /** Four significant digits, plain where that reads well. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (v == 0) {
            return "0";
        }
        double a = Math.abs(v);
        if (a >= 1e7 || a < 1e-4) {
            return String.format(Locale.ROOT, "%.3e", v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
