package io.clusterdeploy.engine.canary.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.clusterdeploy.engine.canary.config.Direction;
import io.clusterdeploy.engine.canary.config.EffectMeasure;
import io.clusterdeploy.engine.canary.config.EffectSize;
import io.clusterdeploy.engine.canary.config.MetricConfig;
import io.clusterdeploy.engine.canary.config.NanStrategy;
import io.clusterdeploy.engine.canary.config.OutlierStrategy;
import io.clusterdeploy.engine.canary.config.Outliers;
import io.clusterdeploy.engine.canary.report.Basis;
import io.clusterdeploy.engine.canary.report.MetricClass;
import io.clusterdeploy.engine.canary.report.MetricReport;
import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.stats.SortedSample;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricJudgeTest {
    private final MetricJudge judge = new MetricJudge();

    static MetricConfig metric(Direction direction, EffectSize effect) {
        return new MetricConfig("latency p50", MetricQuery.of("local", "latency_p50"), List.of("latency"), direction,
                NanStrategy.REMOVE, Outliers.KEEP, false, false, false, effect, 50);
    }

    static MetricConfig metric() {
        return metric(Direction.EITHER, EffectSize.defaults(EffectMeasure.MEAN_RATIO));
    }

    static MetricConfig with(MetricConfig m, NanStrategy nan, Outliers outliers, boolean critical, boolean mustHaveData) {
        return new MetricConfig(m.name(), m.query(), m.groups(), m.direction(), nan, outliers, critical, mustHaveData,
                m.muted(), m.effectSize(), m.minimumPoints());
    }

    private MetricReport judge(MetricConfig config, TimeSeries canary, TimeSeries baseline) {
        return judge.judge(config, new MetricPair(canary, baseline));
    }

    private static final TimeSeries BASELINE = Series.latency(1, 1440, 100, 0.2);
    private static final TimeSeries SLOWER = Series.latency(2, 1440, 128, 0.2);
    private static final TimeSeries SAME = Series.latency(3, 1440, 100, 0.2);
    private static final TimeSeries FASTER = Series.latency(4, 1440, 75, 0.2);
    private static final TimeSeries SLIGHTLY_SLOWER = Series.latency(5, 1440, 104, 0.2);

    @Test
    void aSlowerCanaryBeyondTheAllowedIncreaseIsHigh() {
        MetricReport r = judge(metric(Direction.INCREASE, new EffectSize(EffectMeasure.MEAN_RATIO, 1.1, 1, 1.5, 1)),
                SLOWER, BASELINE);
        assertThat(r.classification()).isEqualTo(MetricClass.HIGH);
        assertThat(r.basis()).isEqualTo(Basis.COMPARED);
        assertThat(r.comparison().meanRatio()).isCloseTo(1.28, within(0.03));
        assertThat(r.comparison().test().lower()).isGreaterThan(r.comparison().toleranceBand());
        assertThat(r.criticalFailure()).isFalse();
        assertThat(r.canary().used()).isEqualTo(1440);
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void anIncreaseWithinTheAllowedEffectPasses() {
        MetricReport r = judge(metric(Direction.INCREASE, new EffectSize(EffectMeasure.MEAN_RATIO, 1.1, 1, 1.1, 1)),
                SLIGHTLY_SLOWER, BASELINE);
        assertThat(r.comparison().significantIncrease()).isTrue();
        assertThat(r.comparison().meanRatio()).isLessThan(1.1);
        assertThat(r.classification()).isEqualTo(MetricClass.PASS);
    }

    @Test
    void withTheDefaultThresholdsAnySignificantIncreaseIsHigh() {
        assertThat(judge(metric(), SLIGHTLY_SLOWER, BASELINE).classification()).isEqualTo(MetricClass.HIGH);
    }

    @Test
    void noDifferencePasses() {
        MetricReport r = judge(metric(), SAME, BASELINE);
        assertThat(r.classification()).isEqualTo(MetricClass.PASS);
        assertThat(r.comparison().test().lower()).isLessThan(0);
        assertThat(r.comparison().test().upper()).isGreaterThan(0);
    }

    @Test
    void directionDecidesWhichChangeCounts() {
        assertThat(judge(metric(Direction.DECREASE, EffectSize.defaults(EffectMeasure.MEAN_RATIO)), SLOWER, BASELINE)
                .classification()).isEqualTo(MetricClass.PASS);
        assertThat(judge(metric(Direction.INCREASE, EffectSize.defaults(EffectMeasure.MEAN_RATIO)), FASTER, BASELINE)
                .classification()).isEqualTo(MetricClass.PASS);
        assertThat(judge(metric(Direction.DECREASE, EffectSize.defaults(EffectMeasure.MEAN_RATIO)), FASTER, BASELINE)
                .classification()).isEqualTo(MetricClass.LOW);
        assertThat(judge(metric(), FASTER, BASELINE).classification()).isEqualTo(MetricClass.LOW);
        assertThat(judge(metric(), SLOWER, BASELINE).classification()).isEqualTo(MetricClass.HIGH);
    }

    @Test
    void aDecreaseWithinTheAllowedEffectPasses() {
        EffectSize allowQuarter = new EffectSize(EffectMeasure.MEAN_RATIO, 1, 0.7, 1, 0.7);
        MetricReport r = judge(metric(Direction.EITHER, allowQuarter), FASTER, BASELINE);
        assertThat(r.comparison().significantDecrease()).isTrue();
        assertThat(r.classification()).isEqualTo(MetricClass.PASS);
    }

    @Test
    void criticalThresholdsDecideWhetherAHighFailsTheAnalysis() {
        MetricConfig critical = with(metric(Direction.INCREASE, new EffectSize(EffectMeasure.MEAN_RATIO, 1.1, 1, 1.5, 1)),
                NanStrategy.REMOVE, Outliers.KEEP, true, false);
        MetricReport belowCritical = judge(critical, SLOWER, BASELINE);
        assertThat(belowCritical.classification()).isEqualTo(MetricClass.HIGH);
        assertThat(belowCritical.criticalFailure()).isFalse();

        MetricConfig strict = with(metric(Direction.INCREASE, new EffectSize(EffectMeasure.MEAN_RATIO, 1.1, 1, 1.2, 1)),
                NanStrategy.REMOVE, Outliers.KEEP, true, false);
        MetricReport beyondCritical = judge(strict, SLOWER, BASELINE);
        assertThat(beyondCritical.classification()).isEqualTo(MetricClass.HIGH);
        assertThat(beyondCritical.criticalFailure()).isTrue();
    }

    @Test
    void clesMeasuresTheShareOfPairsAbove() {
        MetricConfig cles = metric(Direction.INCREASE, new EffectSize(EffectMeasure.CLES, 0.9, 0.5, 0.9, 0.5));
        MetricReport r = judge(cles, SLOWER, BASELINE);
        assertThat(r.comparison().cles()).isBetween(0.75, 0.9);
        assertThat(r.comparison().effectSize()).isEqualTo(r.comparison().cles());
        assertThat(r.classification()).isEqualTo(MetricClass.PASS);
        MetricConfig lenient = metric(Direction.INCREASE, new EffectSize(EffectMeasure.CLES, 0.7, 0.5, 0.7, 0.5));
        assertThat(judge(lenient, SLOWER, BASELINE).classification()).isEqualTo(MetricClass.HIGH);
    }

    @Test
    void aBaselineWithoutDataNeverPasses() {
        TimeSeries allMissing = Series.constant(60, Double.NaN);
        for (NanStrategy nan : NanStrategy.values()) {
            MetricReport r = judge(with(metric(), nan, Outliers.KEEP, false, false), SAME, allMissing);
            assertThat(r.classification()).as("nanStrategy %s", nan).isEqualTo(MetricClass.NODATA);
            assertThat(r.basis()).isEqualTo(Basis.NO_BASELINE_DATA);
            assertThat(r.warnings()).isNotEmpty();
        }
        MetricReport empty = judge(metric(), SAME, TimeSeries.empty());
        assertThat(empty.classification()).isEqualTo(MetricClass.NODATA);
        MetricReport required = judge(with(metric(), NanStrategy.REPLACE, Outliers.KEEP, false, true), SAME, allMissing);
        assertThat(required.classification()).isEqualTo(MetricClass.NODATA_FAILURE);
        MetricReport critical = judge(with(metric(), NanStrategy.REMOVE, Outliers.KEEP, true, true), SAME, allMissing);
        assertThat(critical.classification()).isEqualTo(MetricClass.NODATA);
        assertThat(critical.criticalFailure()).isTrue();
        MetricReport neither = judge(metric(), TimeSeries.empty(), TimeSeries.empty());
        assertThat(neither.basis()).isEqualTo(Basis.NO_DATA);
        assertThat(judge(metric(), allMissing, SAME).basis()).isEqualTo(Basis.NO_CANARY_DATA);
    }

    @Test
    void zeroIsData() {
        MetricReport identical = judge(metric(), Series.constant(1440, 0), Series.constant(1440, 0));
        assertThat(identical.classification()).isEqualTo(MetricClass.PASS);
        assertThat(identical.basis()).isEqualTo(Basis.IDENTICAL);
        MetricReport single = judge(metric(), Series.constant(1440, 0), Series.constant(900, 0));
        assertThat(single.classification()).isEqualTo(MetricClass.PASS);
        assertThat(single.basis()).isEqualTo(Basis.SINGLE_VALUE);

        // Errors in the canary against a baseline of zeros: the mean ratio is undefined and does not veto.
        MetricReport errors = judge(metric(Direction.INCREASE, EffectSize.defaults(EffectMeasure.MEAN_RATIO)),
                Series.counts(9, 1440, 2), Series.constant(1440, 0));
        assertThat(errors.comparison().meanRatio()).isNaN();
        assertThat(errors.classification()).isEqualTo(MetricClass.HIGH);
    }

    @Test
    void aSignificantDifferenceTheMedianShiftHidesPassesWithAWarning() {
        // 40% of the canary's minutes have errors, the baseline has none: the test is significant, but
        // most pairwise differences are 0, so the interval starts at 0 and Kayenta's rule passes it.
        MetricReport r = judge(metric(Direction.INCREASE, EffectSize.defaults(EffectMeasure.MEAN_RATIO)),
                Series.counts(9, 1440, 0.5), Series.constant(1440, 0));
        assertThat(r.comparison().test().pValue()).isLessThan(1e-10);
        assertThat(r.comparison().test().lower()).isZero();
        assertThat(r.classification()).isEqualTo(MetricClass.PASS);
        assertThat(r.warnings()).anyMatch(w -> w.contains("significant"));
        assertThat(judge(metric(), SAME, BASELINE).warnings()).isEmpty();
    }

    @Test
    void replacedGapsAreCountedAsZeroWithAWarning() {
        TimeSeries gappy = Series.withGaps(Series.counts(3, 1440, 2), 10);
        MetricReport removed = judge(metric(), gappy, Series.counts(4, 1440, 2));
        assertThat(removed.canary().missing()).isEqualTo(144);
        assertThat(removed.canary().used()).isEqualTo(1296);
        MetricReport replaced = judge(with(metric(), NanStrategy.REPLACE, Outliers.KEEP, false, false), gappy,
                Series.counts(4, 1440, 2));
        assertThat(replaced.canary().replaced()).isEqualTo(144);
        assertThat(replaced.canary().used()).isEqualTo(1440);
        assertThat(replaced.canary().mean()).isLessThan(removed.canary().mean());
        assertThat(replaced.warnings()).anyMatch(w -> w.contains("144"));
    }

    @Test
    void fewPointsCarryAWarningButAreJudged() {
        MetricReport r = judge(metric(), Series.latency(6, 20, 130, 0.1), Series.latency(7, 30, 100, 0.1));
        assertThat(r.classification()).isEqualTo(MetricClass.HIGH);
        assertThat(r.warnings()).hasSize(2).allMatch(w -> w.contains("fewer than the 50"));
        MetricConfig relaxed = new MetricConfig("m", MetricQuery.of("local", "q"), List.of("g"), Direction.EITHER,
                NanStrategy.REMOVE, Outliers.KEEP, false, false, false, EffectSize.defaults(EffectMeasure.MEAN_RATIO), 10);
        assertThat(judge(relaxed, Series.latency(6, 20, 130, 0.1), Series.latency(7, 30, 100, 0.1)).warnings()).isEmpty();
    }

    @Test
    void twoConstantSeriesAreComparedWithoutNoise() {
        MetricReport up = judge(metric(), Series.constant(100, 5), Series.constant(100, 3));
        assertThat(up.classification()).isEqualTo(MetricClass.HIGH);
        assertThat(up.comparison().test().lower()).isEqualTo(2.0);
        assertThat(up.comparison().test().upper()).isEqualTo(2.0);
        assertThat(up.comparison().test().estimate()).isEqualTo(2.0);
        MetricReport again = judge(metric(), Series.constant(100, 5), Series.constant(100, 3));
        assertThat(again).isEqualTo(up);
        assertThat(judge(metric(), Series.constant(100, 3), Series.constant(100, 5)).classification())
                .isEqualTo(MetricClass.LOW);
        // Kayenta's noise would make this a coin toss; the exact shift is tiny but real.
        assertThat(judge(metric(), Series.constant(100, 1.000001), Series.constant(100, 1)).classification())
                .isEqualTo(MetricClass.HIGH);
    }

    @Test
    void infiniteValuesAreAnError() {
        double[] v = SAME.values();
        v[10] = Double.POSITIVE_INFINITY;
        MetricReport r = judge(with(metric(), NanStrategy.REMOVE, Outliers.KEEP, true, false), Series.of(v), BASELINE);
        assertThat(r.classification()).isEqualTo(MetricClass.ERROR);
        assertThat(r.basis()).isEqualTo(Basis.INFINITE_VALUES);
        assertThat(r.criticalFailure()).isTrue();
    }

    @Test
    void outliersBeyondTheFencesAreDropped() {
        double[] canary = SAME.values();
        for (int i = 0; i < 10; i++) {
            canary[i * 140] = 5_000; // 10 spikes of 50x, fewer than 1%: above p99 and the IQR fence
        }
        MetricConfig removing = with(metric(), NanStrategy.REMOVE, new Outliers(OutlierStrategy.REMOVE, 3), false, false);
        MetricReport r = judge(removing, Series.of(canary), BASELINE);
        assertThat(r.canary().outliers()).isBetween(10, 12); // the spikes, and a natural value or two beyond Q3 + 3·IQR
        assertThat(r.canary().max()).isLessThan(1000);
        assertThat(r.classification()).isEqualTo(MetricClass.PASS);
        MetricReport kept = judge(metric(), Series.of(canary), BASELINE);
        assertThat(kept.canary().outliers()).isZero();
        assertThat(kept.canary().max()).isEqualTo(5000);
    }

    @Test
    void theFencesAreKayentas() {
        // 1..100: Q1 = 25.75, Q3 = 75.25, IQR = 49.5, p1 = 1.99, p99 = 99.01 (R type 7).
        double[] v = new double[100];
        for (int i = 0; i < 100; i++) {
            v[i] = i + 1;
        }
        SortedSample s = SortedSample.of(v);
        assertThat(s.quantile(0.25)).isEqualTo(25.75);
        assertThat(s.quantile(0.99)).isCloseTo(99.01, within(1e-12));
        // factor 0.01: IQR fences [25.255, 75.745] are inside p1/p99, so the percentiles win.
        SortedSample kept = Side.withinFences(s, 0.01);
        assertThat(kept.min()).isEqualTo(2);
        assertThat(kept.max()).isEqualTo(99);
        // factor 0.5: fences [1, 100] by IQR (25.75 − 24.75, 75.25 + 24.75): nothing dropped.
        assertThat(Side.withinFences(s, 0.5).size()).isEqualTo(100);
    }
}
