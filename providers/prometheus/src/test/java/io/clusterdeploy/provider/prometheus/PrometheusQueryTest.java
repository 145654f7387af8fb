package io.clusterdeploy.provider.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.error.ClusterDeployException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusQueryTest {
    private final PrometheusSource source = PrometheusSource.of(PrometheusSettings.of(URI.create("http://127.0.0.1:9")));
    private static final MetricScope CANARY = MetricScope.serverGroup("prod", "us-east-1", "shop-web-canary",
            "shop-web-canary-v012");

    private String promql(Map<String, Object> fields, MetricScope scope) {
        return source.promql(new MetricQuery("prometheus", fields), scope);
    }

    private static void assertRefused(Runnable r, String field, String message) {
        assertThatThrownBy(r::run).isInstanceOfSatisfying(ClusterDeployException.class, e -> {
            assertThat(e.field()).isEqualTo(field);
            assertThat(e.getMessage()).contains(message);
        });
    }

    @Test
    void everyScopeVariableHasItsValue() {
        String all = "x{s=\"${scope}\",g=\"${serverGroup}\",c=\"${cluster}\",a=\"${application}\",st=\"${stack}\","
                + "d=\"${detail}\",l=\"${location}\",r=\"${region}\",n=\"${namespace}\",acc=\"${account}\"}";
        assertThat(promql(Map.of("query", all), CANARY)).isEqualTo("x{s=\"shop-web-canary-v012\","
                + "g=\"shop-web-canary-v012\",c=\"shop-web-canary\",a=\"shop\",st=\"web\",d=\"canary\",l=\"us-east-1\","
                + "r=\"us-east-1\",n=\"us-east-1\",acc=\"prod\"}");
        // A cluster scope: ${scope} is the cluster; a cluster without stack and detail has empty ones.
        assertThat(promql(Map.of("query", "x{s=\"${scope}\",st=\"${stack}\",d=\"${detail}\"}"),
                MetricScope.cluster("prod", null, "shop"))).isEqualTo("x{s=\"shop\",st=\"\",d=\"\"}");
    }

    @Test
    void aVariableTheScopeCannotFillIsRefusedNamingTheField() {
        assertRefused(() -> promql(Map.of("query", "x{g=\"${serverGroup}\"}"), MetricScope.cluster("prod", "r", "shop")),
                "query", "query uses ${serverGroup}, but the scope is the cluster shop");
        assertRefused(() -> promql(Map.of("customInlineTemplate", "x{g=\"${region}\"}"),
                MetricScope.cluster("prod", null, "shop")), "customInlineTemplate", "the scope has no location");
    }

    @Test
    void kayentasShapesReadAsKayentaBuildsThem() {
        assertThat(promql(Map.of("customInlineTemplate", "PromQL:sum(up{server_group=\"${scope}\"})"), CANARY))
                .isEqualTo("sum(up{server_group=\"shop-web-canary-v012\"})");
        assertThat(promql(Map.of("metricName", "http_server_requests_seconds_sum", "labelBindings",
                List.of("status=~\"5..\""), "groupByFields", List.of("le")), CANARY))
                .isEqualTo("avg(http_server_requests_seconds_sum{server_group=\"shop-web-canary-v012\",status=~\"5..\"})"
                        + " by (le)");
        assertThat(promql(Map.of("metricName", "up", "scopeLabel", "asg", "locationLabel", "region"), CANARY))
                .isEqualTo("avg(up{asg=\"shop-web-canary-v012\",region=\"us-east-1\"})");
        assertThat(promql(Map.of("metricName", "up", "customFilter", "job=\"x\",sg=\"${scope}\""), CANARY))
                .isEqualTo("avg(up{job=\"x\",sg=\"shop-web-canary-v012\"})");
        // The analysis resolved customFilterTemplate into customInlineTemplate, which wins, as in Kayenta.
        assertThat(promql(Map.of("customFilterTemplate", "t", "customInlineTemplate", "up{a=\"${scope}\"}",
                "functions", List.of()), CANARY)).isEqualTo("up{a=\"shop-web-canary-v012\"}");
    }

    @Test
    void badFieldsAreRefusedBeforeAnythingRuns() {
        MetricSources sources = MetricSources.of(List.of(source));
        assertRefused(() -> sources.forQuery(MetricQuery.of("prometheus", "sum(up) by (${cluster})"), "metrics[1]"),
                "metrics[1].query", "metrics[1].query: query: ${cluster} must be inside a string literal");
        assertRefused(() -> sources.forQuery(new MetricQuery("prometheus", Map.of("qeury", "up")), "metrics[0]"),
                "metrics[0].qeury", "unknown field 'qeury'");
        assertRefused(() -> source.validate(new MetricQuery("prometheus", Map.of("query", "up", "customInlineTemplate",
                "up"))), "customInlineTemplate", "not both");
        assertRefused(() -> source.validate(new MetricQuery("prometheus", Map.of("customFilterTemplate", "t"))),
                "customFilterTemplate", "was not resolved");
        assertRefused(() -> source.validate(new MetricQuery("prometheus", Map.of("metricName", "up{}"))),
                "metricName", "must be a metric name");
        assertRefused(() -> source.validate(new MetricQuery("prometheus", Map.of("metricName", "up",
                "groupByFields", List.of("a b")))), "groupByFields", "must be label names");
        assertRefused(() -> source.validate(new MetricQuery("prometheus", Map.of("metricName", "up",
                "scopeLabel", "x\"}"))), "scopeLabel", "must be a label name");
        assertRefused(() -> source.validate(new MetricQuery("prometheus", Map.of("metricName", "up",
                "resourceType", "gce_instance"))), "resourceType", "not supported");
        assertRefused(() -> source.validate(new MetricQuery("prometheus", Map.of("query", 42))), "query",
                "must be a string");
        assertRefused(() -> source.validate(new MetricQuery("prometheus", Map.of())), "query",
                "needs query (PromQL), customInlineTemplate or metricName");
        assertRefused(() -> source.validate(new MetricQuery("prometheus", Map.of("functions", List.of("rate")))),
                "functions", "not supported");
    }
}
