package io.clusterdeploy.engine.deploy;

import io.clusterdeploy.engine.canary.config.CanaryConfig;
import io.clusterdeploy.engine.canary.config.CanaryConfigParser;
import io.clusterdeploy.engine.canary.config.ScoreThresholds;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import java.time.Duration;
import java.util.Locale;

/**
 * The {@code canary} block of a deploy with {@code strategy: canary}, as Spinnaker's canary stage names its
 * settings: how big baseline and canary are and how much traffic they take, how long they are judged and how
 * often, and how production is deployed when the canary passes.
 * <pre>{@code
 * canary: {canaryCapacity: 1, trafficPercent: 10, lifetime: PT30M, warmup: PT5M, interval: PT10M, lookback: PT0S,
 *          step: PT1M, config: {...}, scoreThresholds: {pass, marginal}, onMarginal: fail|promote,
 *          productionStrategy: redblack|rollingredblack}
 * }</pre>
 *
 * @param canaryCapacity     instances in each of baseline and canary (fixed: min = desired = max)
 * @param trafficPercent     each one's exact share of the load balancers' requests, or null to share by instance count
 * @param lifetime           how long the analysis runs, after the warmup
 * @param warmup             how long baseline and canary serve before the first point counts
 * @param interval           the length of each judged interval (the whole lifetime unless given)
 * @param lookback           zero: each judgement covers everything since the analysis began; else its last stretch
 * @param step               the spacing of the metric points
 * @param config             the canary config (ours or Kayenta's)
 * @param thresholds         pass and marginal scores
 * @param onMarginal         what a final score between marginal and pass does
 * @param productionStrategy how production is deployed after a pass
 */
public record CanarySettings(int canaryCapacity, Integer trafficPercent, Duration lifetime, Duration warmup,
                             Duration interval, Duration lookback, Duration step, CanaryConfig config,
                             ScoreThresholds thresholds, OnMarginal onMarginal, Strategy productionStrategy) {
    public static final String FIELD = "canary";
    /** The cluster parts appended to production's detail. */
    public static final String BASELINE = "baseline";
    public static final String CANARY = "canary";
    private static final Duration MAX_LIFETIME = Duration.ofDays(7);

    /** What a final score between marginal and pass does. */
    public enum OnMarginal {
        FAIL, PROMOTE;

        static OnMarginal parse(String field, String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "fail" -> FAIL;
                case "promote" -> PROMOTE;
                default -> throw ClusterDeployException.invalid(field, field + " must be fail or promote, was '"
                        + value + "'");
            };
        }

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static CanarySettings parse(Fields request) {
        if (!request.has(FIELD)) {
            throw ClusterDeployException.invalid(request.path(FIELD), request.path(FIELD)
                    + " is required with strategy canary: at least its lifetime and its config");
        }
        Fields c = request.object(FIELD);
        int capacity = c.optionalInt("canaryCapacity", 1, 1, 1000);
        Integer traffic = c.has("trafficPercent") ? c.optionalInt("trafficPercent", 0, 1, 50) : null;
        Duration lifetime = c.optionalDuration("lifetime", null, false);
        if (lifetime == null) {
            throw ClusterDeployException.invalid(c.path("lifetime"), c.path("lifetime")
                    + " is required: how long the canary is judged, an ISO-8601 duration such as PT30M");
        }
        if (lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw ClusterDeployException.invalid(c.path("lifetime"), c.path("lifetime") + " must be at most "
                    + MAX_LIFETIME + ", was " + lifetime);
        }
        Duration warmup = c.optionalDuration("warmup", Duration.ZERO, true);
        if (warmup.compareTo(MAX_LIFETIME) > 0) {
            throw ClusterDeployException.invalid(c.path("warmup"), c.path("warmup") + " must be at most "
                    + MAX_LIFETIME + ", was " + warmup);
        }
        Duration interval = c.optionalDuration("interval", lifetime, false);
        if (interval.compareTo(lifetime) > 0) {
            throw ClusterDeployException.invalid(c.path("interval"), c.path("interval") + " (" + interval
                    + ") must not be longer than " + c.path("lifetime") + " (" + lifetime + ")");
        }
        Duration lookback = c.optionalDuration("lookback", Duration.ZERO, true);
        Duration step = c.optionalDuration("step", Duration.ofMinutes(1), false);
        if (step.compareTo(Duration.ofSeconds(1)) < 0) {
            throw ClusterDeployException.invalid(c.path("step"), c.path("step") + " must be at least PT1S, was " + step);
        }
        Duration shortest = lookback.isZero() ? interval : lookback.compareTo(interval) < 0 ? lookback : interval;
        if (step.compareTo(shortest) > 0) {
            throw ClusterDeployException.invalid(c.path("step"), c.path("step") + " (" + step + ") must not be longer "
                    + "than what each judgement covers (" + shortest + "): it would hold a single point");
        }
        if (lifetime.dividedBy(step) + 1 > io.clusterdeploy.engine.canary.source.TimeWindow.MAX_POINTS) {
            throw ClusterDeployException.invalid(c.path("step"), c.path("step") + " (" + step + ") is too fine for a "
                    + "lifetime of " + lifetime);
        }
        if (!c.has("config")) {
            throw ClusterDeployException.invalid(c.path("config"), c.path("config")
                    + " is required: the canary config (metrics, groups, score thresholds), ours or Kayenta's");
        }
        CanaryConfig config = CanaryConfigParser.parse(c.path("config"), c.optionalMap("config"));
        ScoreThresholds thresholds = c.has("scoreThresholds")
                ? ScoreThresholds.parse(c.path("scoreThresholds"), c.optionalMap("scoreThresholds"),
                        config.scoreThresholds())
                : config.scoreThresholds();
        OnMarginal onMarginal = OnMarginal.parse(c.path("onMarginal"), c.optionalString("onMarginal", "fail"));
        Strategy production = Strategy.parse(c.path("productionStrategy"),
                c.optionalString("productionStrategy", Strategy.REDBLACK.id()));
        if (production != Strategy.REDBLACK && production != Strategy.ROLLINGREDBLACK) {
            throw ClusterDeployException.invalid(c.path("productionStrategy"), c.path("productionStrategy")
                    + " must be redblack or rollingredblack, was '" + production.id() + "'");
        }
        c.rejectUnknown();
        return new CanarySettings(capacity, traffic, lifetime, warmup, interval, lookback, step, config, thresholds,
                onMarginal, production);
    }

    /** The number of judged intervals: the lifetime in intervals, the last one shorter when they do not divide. */
    public int intervals() {
        long whole = lifetime.dividedBy(interval);
        return (int) (lifetime.equals(interval.multipliedBy(whole)) ? whole : whole + 1);
    }

    /** Where interval {@code index} (1-based) ends, from the start of the analysis. */
    public Duration endOf(int index) {
        Duration end = interval.multipliedBy(index);
        return end.compareTo(lifetime) > 0 ? lifetime : end;
    }
}
