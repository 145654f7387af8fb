package io.clusterdeploy.engine.canary.stats;

/**
 * The two-sided Mann-Whitney U test of canary against baseline with the confidence interval and
 * Hodges-Lehmann estimate of the shift canary − baseline, the numbers R's
 * {@code wilcox.test(canary, baseline, conf.int = TRUE)} reports.
 *
 * @param method           exact distribution or normal approximation, as R chooses
 * @param statistic        W: the pairs with canary above baseline, ties counting one half
 * @param pValue           two-sided p-value of "no shift"
 * @param lower            lower bound of the interval for the shift
 * @param upper            upper bound
 * @param confidenceLevel  the level the interval has: the requested one, or the achieved one when an
 *                         exact interval of small samples cannot reach it (as R reports it)
 * @param estimate         the median of all pairwise differences canary[i] − baseline[j]
 * @param pairs            n·m, the number of pairwise differences
 */
public record MannWhitneyResult(
        Method method,
        double statistic,
        double pValue,
        double lower,
        double upper,
        double confidenceLevel,
        double estimate,
        long pairs) {

    public enum Method {
        /** The exact null distribution: both samples under 50 values and no ties. */
        EXACT,
        /** The normal approximation with continuity correction and tie-corrected variance. */
        NORMAL
    }

    /** The common-language effect size: the probability that a canary value exceeds a baseline value. */
    public double cles() {
        return statistic / pairs;
    }
}
