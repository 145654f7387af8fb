package io.clusterdeploy.engine.canary.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanaryConfigParserTest {

    static Map<String, Object> resource(String name) {
        try (InputStream in = CanaryConfigParserTest.class.getResourceAsStream(name)) {
            return new Json().readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void kayentasOwnConfigReadsIntoTheSameModelAsOurs() {
        CanaryConfig kayenta = CanaryConfigParser.parse(resource("kayenta-canary-config.json"));
        CanaryConfig ours = CanaryConfigParser.parse(resource("canary-config.json"));

        assertThat(kayenta).isEqualTo(ours);
        assertThat(kayenta.metrics()).hasSize(4);
        MetricConfig latency = kayenta.metric("latency p50").orElseThrow();
        assertThat(latency.query().source()).isEqualTo("prometheus");
        assertThat(latency.query().fields()).containsOnlyKeys("customInlineTemplate");
        assertThat(latency.direction()).isEqualTo(Direction.INCREASE);
        assertThat(latency.critical()).isTrue();
        assertThat(latency.effectSize()).isEqualTo(new EffectSize(EffectMeasure.MEAN_RATIO, 1.1, 1.0, 1.5, 1.0));
        MetricConfig errors = kayenta.metric("5xx per second").orElseThrow();
        assertThat(errors.nanStrategy()).isEqualTo(NanStrategy.REPLACE);
        assertThat(errors.mustHaveData()).isTrue();
        MetricConfig cpu = kayenta.metric("cpu").orElseThrow();
        assertThat(cpu.outliers()).isEqualTo(new Outliers(OutlierStrategy.REMOVE, 2.5));
        assertThat(cpu.effectSize()).isEqualTo(new EffectSize(EffectMeasure.CLES, 0.6, 0.4, 0.5, 0.5));
        assertThat(kayenta.metric("requests per second").orElseThrow().muted()).isTrue();
        assertThat(kayenta.groupWeights()).containsExactly(Map.entry("latency", 50.0), Map.entry("errors", 30.0),
                Map.entry("saturation", 20.0));
        assertThat(kayenta.scoreThresholds()).isEqualTo(new ScoreThresholds(90, 60));
        assertThat(kayenta.templates()).containsKey("server-errors");
    }

    @Test
    void defaultsAreKayentas() {
        CanaryConfig config = CanaryConfigParser.parse(Map.of("metrics",
                List.of(Map.of("name", "latency", "source", "local", "query", "latency_p50"))));
        MetricConfig m = config.metrics().get(0);
        assertThat(m.query()).isEqualTo(MetricQuery.of("local", "latency_p50"));
        assertThat(m.groups()).containsExactly(CanaryConfigParser.DEFAULT_GROUP);
        assertThat(m.direction()).isEqualTo(Direction.EITHER);
        assertThat(m.nanStrategy()).isEqualTo(NanStrategy.REMOVE);
        assertThat(m.outliers()).isEqualTo(new Outliers(OutlierStrategy.KEEP, 3.0));
        assertThat(m.critical()).isFalse();
        assertThat(m.mustHaveData()).isFalse();
        assertThat(m.muted()).isFalse();
        assertThat(m.effectSize()).isEqualTo(EffectSize.defaults(EffectMeasure.MEAN_RATIO));
        assertThat(m.minimumPoints()).isEqualTo(50);
        assertThat(config.scoreThresholds()).isEqualTo(new ScoreThresholds(75, 50));

        MetricConfig cles = CanaryConfigParser.parse(Map.of("metrics", List.of(Map.of("name", "x", "source", "local",
                "query", "q", "effectSize", Map.of("measure", "cles"))))).metrics().get(0);
        assertThat(cles.effectSize()).isEqualTo(new EffectSize(EffectMeasure.CLES, 0.5, 0.5, 0.5, 0.5));
    }

    @Test
    void aGroovyMapWithGStringsAndBigDecimalsReads() {
        // A Pipeline script's map literal: interpolated strings are GStrings (CharSequence), decimals BigDecimal.
        Map<String, Object> metric = new LinkedHashMap<>();
        metric.put("name", new StringBuilder("latency"));
        metric.put("source", "prometheus");
        metric.put("query", new StringBuilder("rate(x{server_group=\"hello-v002\"}[1m])"));
        metric.put("groups", List.of(new StringBuilder("latency")));
        metric.put("direction", new StringBuilder("increase"));
        metric.put("effectSize", Map.of("allowedIncrease", new BigDecimal("1.25")));
        metric.put("minimumPoints", 30);
        CanaryConfig config = CanaryConfigParser.parse(Map.of("metrics", List.of(metric),
                "scoreThresholds", Map.of("pass", new BigDecimal("80.5"), "marginal", 40)));
        MetricConfig m = config.metrics().get(0);
        assertThat(m.name()).isEqualTo("latency");
        assertThat(m.query().fields().get("query")).isEqualTo("rate(x{server_group=\"hello-v002\"}[1m])");
        assertThat(m.effectSize().allowedIncrease()).isEqualTo(1.25);
        assertThat(m.minimumPoints()).isEqualTo(30);
        assertThat(config.scoreThresholds()).isEqualTo(new ScoreThresholds(80.5, 40));
    }

    @Test
    void groupsWithoutAWeightShareWhatIsLeft() {
        CanaryConfig config = CanaryConfigParser.parse(Map.of(
                "metrics", List.of(metric("a", "g1"), metric("b", "g2"), metric("c", "g3")),
                "groupWeights", Map.of("g1", 40)));
        assertThat(config.effectiveWeights()).containsExactly(Map.entry("g1", 40.0), Map.entry("g2", 30.0),
                Map.entry("g3", 30.0));
    }

    @Test
    void executionRequestThresholdsOverrideWithKayentasShape() {
        ScoreThresholds t = ScoreThresholds.parse("thresholds", Map.of("pass", 95, "marginal", 75), ScoreThresholds.DEFAULT);
        assertThat(t).isEqualTo(new ScoreThresholds(95, 75));
        assertThatThrownBy(() -> ScoreThresholds.parse("thresholds", Map.of("pass", 40, "marginal", 75),
                ScoreThresholds.DEFAULT))
                .isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.field()).isEqualTo("thresholds.marginal"));
    }

    static Map<String, Object> metric(String name, String group) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("source", "local");
        m.put("query", "q_" + name);
        m.put("group", group);
        return m;
    }

    /** A copy of the sample Kayenta config with one change at a path, to see the error name that path. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> kayentaWith(String metricKey, Object value) {
        Map<String, Object> config = resource("kayenta-canary-config.json");
        Map<String, Object> metric = ((List<Map<String, Object>>) config.get("metrics")).get(0);
        Map<String, Object> canary = (Map<String, Object>) ((Map<String, Object>) metric.get("analysisConfigurations"))
                .get("canary");
        canary.put(metricKey, value);
        return config;
    }

    static Map<String, Object> ours(Map<String, Object> metricChanges) {
        Map<String, Object> m = metric("latency", "latency");
        m.putAll(metricChanges);
        m.values().removeIf(v -> v == null);
        List<Object> metrics = new ArrayList<>(List.of(m));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("metrics", metrics);
        return config;
    }

    static Stream<Arguments> badConfigs() {
        Map<String, Object> twoSameNames = new LinkedHashMap<>(Map.of("metrics",
                List.of(metric("a", "g"), metric("a", "g"))));
        Map<String, Object> weightsOver = new LinkedHashMap<>(Map.of("metrics",
                List.of(metric("a", "g1"), metric("b", "g2")), "groupWeights", Map.of("g1", 70, "g2", 40)));
        Map<String, Object> weightsShort = new LinkedHashMap<>(Map.of("metrics",
                List.of(metric("a", "g1"), metric("b", "g2")), "groupWeights", Map.of("g1", 50, "g2", 40)));
        Map<String, Object> weightsUnknown = resource("kayenta-canary-config.json");
        ((Map<String, Object>) ((Map<String, Object>) weightsUnknown.get("classifier")).get("groupWeights"))
                .put("latancy", 0);
        Map<String, Object> allMuted = ours(Map.of("muted", true));
        Map<String, Object> thresholds = ours(Map.of());
        thresholds.put("scoreThresholds", Map.of("pass", 50, "marginal", 60));
        Map<String, Object> noType = resource("kayenta-canary-config.json");
        ((Map<String, Object>) ((List<Map<String, Object>>) noType.get("metrics")).get(1).get("query")).remove("type");
        Map<String, Object> otherJudge = resource("kayenta-canary-config.json");
        ((Map<String, Object>) otherJudge.get("judge")).put("name", "dredd-v1.0");
        Map<String, Object> missingTemplate = resource("kayenta-canary-config.json");
        ((Map<String, Object>) missingTemplate.get("templates")).clear();
        Map<String, Object> otherScope = resource("kayenta-canary-config.json");
        ((List<Map<String, Object>>) otherScope.get("metrics")).get(2).put("scopeName", "region-b");
        return Stream.of(
                Arguments.of("no metrics", Map.of("name", "x"), "metrics"),
                Arguments.of("empty metrics", Map.of("metrics", List.of()), "metrics"),
                Arguments.of("metric not an object", Map.of("metrics", List.of("latency")), "metrics[0]"),
                Arguments.of("no name", ours(Map.of("name", "")), "metrics[0].name"),
                Arguments.of("no source", ours(Map.of("source", "")), "metrics[0].source"),
                Arguments.of("no query", ours(Map.of("query", Map.of())), "metrics[0].query"),
                Arguments.of("direction misspelt", ours(Map.of("direction", "up")), "metrics[0].direction"),
                Arguments.of("unknown field", ours(Map.of("directon", "increase")), "metrics[0].directon"),
                Arguments.of("nanStrategy", ours(Map.of("nanStrategy", "drop")), "metrics[0].nanStrategy"),
                Arguments.of("critical not boolean", ours(Map.of("critical", "yes")), "metrics[0].critical"),
                Arguments.of("outlier strategy", ours(Map.of("outliers", "trim")), "metrics[0].outliers"),
                Arguments.of("outlier factor", ours(Map.of("outliers", Map.of("strategy", "remove", "outlierFactor", 0))),
                        "metrics[0].outliers.outlierFactor"),
                Arguments.of("effect not a number", ours(Map.of("effectSize", Map.of("allowedIncrease", "lots"))),
                        "metrics[0].effectSize.allowedIncrease"),
                Arguments.of("cles above 1", ours(Map.of("effectSize", Map.of("measure", "cles", "allowedIncrease", 1.5))),
                        "metrics[0].effectSize.allowedIncrease"),
                Arguments.of("effect measure", ours(Map.of("effectSize", Map.of("measure", "cohensD"))),
                        "metrics[0].effectSize.measure"),
                Arguments.of("group and groups", ours(Map.of("groups", List.of("a"))), "metrics[0].groups"),
                Arguments.of("minimum points", ours(Map.of("minimumPoints", -1)), "metrics[0].minimumPoints"),
                Arguments.of("duplicate names", twoSameNames, "metrics[1].name"),
                Arguments.of("weights over 100", weightsOver, "groupWeights"),
                Arguments.of("weights of every group under 100", weightsShort, "groupWeights"),
                Arguments.of("all muted", allMuted, "metrics"),
                Arguments.of("marginal above pass", thresholds, "scoreThresholds.marginal"),
                Arguments.of("kayenta direction", kayentaWith("direction", "upwards"),
                        "metrics[0].analysisConfigurations.canary.direction"),
                Arguments.of("kayenta misspelt field", kayentaWith("critcal", true),
                        "metrics[0].analysisConfigurations.canary.critcal"),
                Arguments.of("kayenta effect size", kayentaWith("effectSize", Map.of("allowedIncrease", -1)),
                        "metrics[0].analysisConfigurations.canary.effectSize.allowedIncrease"),
                Arguments.of("kayenta weight of no group", weightsUnknown, "classifier.groupWeights.latancy"),
                Arguments.of("kayenta query without type", noType, "metrics[1].query.type"),
                Arguments.of("kayenta other judge", otherJudge, "judge.name"),
                Arguments.of("kayenta template missing", missingTemplate, "metrics[1].query.customFilterTemplate"),
                Arguments.of("kayenta other scope", otherScope, "metrics[2].scopeName"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    void badInputIsRefusedNamingTheField(String what, Map<String, Object> config, String field) {
        assertThatThrownBy(() -> CanaryConfigParser.parse(config))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(field);
                });
    }

    @Test
    void aPrefixRootsEveryPath() {
        assertThatThrownBy(() -> CanaryConfigParser.parse("canaryConfig", ours(Map.of("direction", "up"))))
                .isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.field()).isEqualTo("canaryConfig.metrics[0].direction"));
    }
}
