package io.clusterdeploy.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.canary.source.MetricSources;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.json.Json;
import io.clusterdeploy.engine.metricsource.MetricSourceTypes;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.CreateServerGroupRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * The cloudwatch metric source on moto: points put with PutMetricData come back through GetMetricData at the
 * period of the step, on the window's grid, gaps NaN; the scope's variables are substituted (the server group's
 * target group and load balancer found by the provider); pages are followed; bad queries are INVALID_INPUT naming
 * the field and an unreachable CloudWatch UNAVAILABLE. moto answers every GetMetricData in one page, so a proxy hook
 * splits moto's own answer in two to show NextToken followed. The SDK speaks CloudWatch in Smithy RPC v2 CBOR,
 * which moto does not; the proxy translates to moto's JSON protocol and back ({@link SmithyCbor}).
 */
class CloudWatchMetricSourceTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();
    private static final String V000 = "hello-prod-v000";

    private AwsFixture fx;
    private CloudWatchMetricSource source;
    /** Puts points through the proxy, which speaks to moto in the JSON protocol it understands. */
    private CloudWatchClient putter;
    /** Minutes back from now, whole: CloudWatch keeps points of the last two weeks. */
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.MINUTES).minus(Duration.ofMinutes(30));

    @BeforeEach
    void setUp() {
        fx = new AwsFixture(MOTO.server());
        source = fx.provider.metricSource();
        putter = CloudWatchClient.builder().region(Region.of(Moto.REGION)).endpointOverride(URI.create(fx.proxy.endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")))
                .build();
    }

    @AfterEach
    void tearDown() {
        putter.close();
        fx.close();
        assertThat(fx.proxy.unimplemented()).isEmpty();
    }

    private void put(String namespace, String metric, Map<String, String> dimensions, Instant at, double value) {
        putter.putMetricData(r -> r.namespace(namespace).metricData(MetricDatum.builder().metricName(metric)
                // In name order, as the source asks: moto matches dimension lists only in the same order (its
                // Dimension.__lt__ is wrong), and Map.of's order differs between JVMs (this failed CI twice).
                .timestamp(at).value(value).dimensions(new java.util.TreeMap<>(dimensions).entrySet().stream().map(e -> software.amazon.awssdk
                        .services.cloudwatch.model.Dimension.builder().name(e.getKey()).value(e.getValue()).build())
                        .toList()).build()));
    }

    /** {@code count} one-minute steps from {@code start} (one step: the window ends within the first minute). */
    private TimeWindow minutes(int count) {
        Instant end = count == 1 ? start.plusSeconds(30) : start.plus(Duration.ofMinutes(count - 1));
        return new TimeWindow(start, end, Duration.ofMinutes(1));
    }

    private static MetricScope group(String name) {
        return MetricScope.serverGroup(AwsFixture.ACCOUNT, Moto.REGION, "hello-prod", name);
    }

    private static Map<String, Object> custom(Map<String, Object> extra) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("namespace", "Custom/Hello");
        q.put("metricName", "Latency");
        q.put("dimensions", Map.of("ServerGroup", "${serverGroup}", "Region", "${region}"));
        q.put("stat", "Average");
        q.putAll(extra);
        return q;
    }

    @Test
    void theRegistrysCloudwatchEntryReadsEachScopeThroughItsAccount() {
        Map<String, String> mine = Map.of("ServerGroup", V000, "Region", Moto.REGION);
        put("Custom/Hello", "Latency", mine, start.plusSeconds(5), 10);
        put("Custom/Hello", "Latency", mine, start.plusSeconds(65), 30);
        MetricSourceTypes types = MetricSourceTypes.discover(getClass().getClassLoader());
        io.clusterdeploy.engine.provider.SecretResolver noSecrets = (field, reference) -> {
            throw new AssertionError("cloudwatch resolves no secret of its own");
        };
        Accounts accounts = new Accounts(List.of(fx.provider));
        MetricQuery q = new MetricQuery("cloudwatch", custom(Map.of()));
        for (Map<String, Object> entry : List.<Map<String, Object>>of(Map.of(), Map.of("account", AwsFixture.ACCOUNT))) {
            MetricSource registered = types.build("metricSources", Map.of("cloudwatch", entry), accounts, noSecrets)
                    .forQuery(q, "metrics[0]");
            assertThat(registered.fetch(q, group(V000), minutes(2)).values())
                    .containsExactly(source.fetch(q, group(V000), minutes(2)).values()).containsExactly(10.0, 30.0);
        }
        assertThatThrownBy(() -> types.build("metricSources", Map.of("cloudwatch", Map.of("account", "elsewhere")),
                accounts, noSecrets)).isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.field()).isEqualTo("metricSources.cloudwatch.account"));
        assertThatThrownBy(() -> types.validate("metricSources", Map.of("cloudwatch", Map.of("region", "x"))))
                .isInstanceOfSatisfying(ClusterDeployException.class,
                        e -> assertThat(e.field()).isEqualTo("metricSources.cloudwatch.region"));
    }

    @Test
    void anyNamespaceAndDimensionsAtThePeriodOfTheStepOnTheWindowsGridWithGapsAsNaN() {
        Map<String, String> mine = Map.of("ServerGroup", V000, "Region", Moto.REGION);
        put("Custom/Hello", "Latency", mine, start.plusSeconds(5), 10);
        put("Custom/Hello", "Latency", mine, start.plusSeconds(40), 20);
        put("Custom/Hello", "Latency", mine, start.plusSeconds(65), 30);
        // minute 2: nothing; minute 3 has a point; minute 4 nothing
        put("Custom/Hello", "Latency", mine, start.plusSeconds(3 * 60 + 1), 50);
        // Another server group's and another metric's points are not this scope's.
        put("Custom/Hello", "Latency", Map.of("ServerGroup", "hello-prod-v001", "Region", Moto.REGION),
                start.plusSeconds(125), 999);
        put("Custom/Hello", "Errors", mine, start.plusSeconds(125), 999);

        TimeSeries s = source.fetch(new MetricQuery("cloudwatch", custom(Map.of())), group(V000), minutes(5));

        assertThat(s.size()).isEqualTo(5);
        for (int i = 0; i < 5; i++) {
            assertThat(s.timestamp(i)).isEqualTo(start.plus(Duration.ofMinutes(i)));
        }
        assertThat(s.value(0)).isEqualTo(15.0);
        assertThat(s.value(1)).isEqualTo(30.0);
        assertThat(s.value(2)).as("a minute without points is a gap, not 0").isNaN();
        assertThat(s.value(3)).isEqualTo(50.0);
        assertThat(s.value(4)).isNaN();

        TimeSeries sums = source.fetch(new MetricQuery("cloudwatch", custom(Map.of("stat", "Sum"))), group(V000),
                minutes(2));
        assertThat(sums.values()).containsExactly(30.0, 30.0);

        // A window that does not start on a whole period is aligned down to one.
        TimeSeries shifted = source.fetch(new MetricQuery("cloudwatch", custom(Map.of())), group(V000),
                new TimeWindow(start.plusSeconds(30), start.plusSeconds(90), Duration.ofMinutes(1)));
        assertThat(shifted.epochMillis()).containsExactly(start.toEpochMilli(), start.plusSeconds(60).toEpochMilli());

        List<MotoProxy.Call> calls = fx.proxy.calls().stream().filter(c -> c.action().equals("GetMetricData")).toList();
        assertThat(calls).hasSize(3).allSatisfy(c -> assertThat(c.params().get("json"))
                .contains("\"Period\":60").contains(V000).contains(Moto.REGION));
    }

    @Test
    void aScopeWithoutPointsIsAnEmptySeriesNeverZeros() {
        TimeSeries s = source.fetch(new MetricQuery("cloudwatch", custom(Map.of())), group(V000), minutes(5));
        assertThat(s.isEmpty()).isTrue();
    }

    @Test
    void cpuComesFromAwsEc2PerAutoScalingGroup() {
        put("AWS/EC2", "CPUUtilization", Map.of("AutoScalingGroupName", V000), start.plusSeconds(10), 40);
        put("AWS/EC2", "CPUUtilization", Map.of("AutoScalingGroupName", V000), start.plusSeconds(20), 60);
        put("AWS/EC2", "CPUUtilization", Map.of("AutoScalingGroupName", "hello-prod-v001"), start.plusSeconds(20), 5);

        TimeSeries s = source.fetch(new MetricQuery("cloudwatch", Map.of("metric", "cpu")), group(V000), minutes(1));

        assertThat(s.values()).containsExactly(50.0);
    }

    private void deploy(String name) {
        fx.provider.createServerGroup(new CreateServerGroupRequest(name, Moto.REGION, Capacity.fixed(0),
                List.of(ProviderCalls.LB), List.of(), fx.spec("v1", true), Map.of()));
    }

    @Test
    void requestsErrorsAndLatencyComeFromTheServerGroupsTargetGroupBehindItsLoadBalancer() {
        ProviderCalls.loadBalancer(fx, 1);
        deploy(V000);
        var tg = fx.moto.elb.describeTargetGroups(r -> r.names(ProviderCalls.LB)).targetGroups().get(0);
        String tgDim = tg.targetGroupArn().substring(tg.targetGroupArn().indexOf("targetgroup/"));
        String lbArn = tg.loadBalancerArns().get(0);
        String lbDim = lbArn.substring(lbArn.indexOf("loadbalancer/") + "loadbalancer/".length());
        assertThat(lbDim).startsWith("app/" + ProviderCalls.LB + "/");
        Map<String, String> dims = Map.of("TargetGroup", tgDim, "LoadBalancer", lbDim);
        put("AWS/ApplicationELB", "RequestCount", dims, start.plusSeconds(1), 100);
        put("AWS/ApplicationELB", "RequestCount", dims, start.plusSeconds(2), 20);
        put("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", dims, start.plusSeconds(3), 4);
        put("AWS/ApplicationELB", "TargetResponseTime", dims, start.plusSeconds(4), 0.2);
        put("AWS/ApplicationELB", "TargetResponseTime", dims, start.plusSeconds(5), 0.4);

        assertThat(source.fetch(MetricQuery.of("cloudwatch", "requests"), group(V000), minutes(1)).values())
                .as(() -> "window from " + start + "; the metrics moto lists: " + putter.listMetrics(r -> r
                        .namespace("AWS/ApplicationELB")).metrics())
                .containsExactly(120.0);
        assertThat(source.fetch(new MetricQuery("cloudwatch", Map.of("metric", "errors")), group(V000), minutes(1))
                .values()).containsExactly(4.0);
        assertThat(source.fetch(new MetricQuery("cloudwatch", Map.of("metric", "latency")), group(V000), minutes(1))
                .values()[0]).isCloseTo(0.3, org.assertj.core.data.Offset.offset(1e-9));
        // The cluster's scope resolves to the same target group.
        assertThat(source.fetch(MetricQuery.of("cloudwatch", "requests"),
                MetricScope.cluster(AwsFixture.ACCOUNT, Moto.REGION, "hello-prod"), minutes(1)).values())
                .containsExactly(120.0);

        // Once another server group is in the target group, its numbers are no longer v000's alone: refused.
        deploy("hello-prod-v001");
        fx.provider.refresh();
        assertThatThrownBy(() -> source.fetch(MetricQuery.of("cloudwatch", "requests"), group(V000), minutes(1)))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                    assertThat(e.field()).isEqualTo("targetGroup");
                    assertThat(e.getMessage()).contains("also serves [hello-prod-v001]");
                });
    }

    /** Splits every GetMetricData answer of moto in two pages: the first half with a NextToken, then the rest. */
    private static final class TwoPages implements MotoProxy.Hooks {
        private final Json json = new Json();
        private final MotoProxy.Hooks next;
        private volatile Map<String, Object> secondPage;

        TwoPages(MotoProxy.Hooks next) {
            this.next = next;
        }

        @Override
        public Optional<MotoProxy.Answer> before(MotoProxy.Call call) {
            if (call.action().equals("GetMetricData") && call.params().get("json").contains("\"NextToken\":\"page-2\"")) {
                return Optional.of(new MotoProxy.Answer(200, "application/x-amz-json-1.0",
                        json.write(secondPage).getBytes(StandardCharsets.UTF_8)));
            }
            return next.before(call);
        }

        @Override
        @SuppressWarnings("unchecked")
        public MotoProxy.Answer after(MotoProxy.Call call, MotoProxy.Answer answer) {
            if (!call.action().equals("GetMetricData") || answer.status() != 200) {
                return next.after(call, answer);
            }
            Map<String, Object> body = json.readObject(answer.text());
            List<Map<String, Object>> first = new ArrayList<>();
            List<Map<String, Object>> second = new ArrayList<>();
            for (Map<String, Object> r : (List<Map<String, Object>>) body.get("MetricDataResults")) {
                List<Object> ts = (List<Object>) r.get("Timestamps");
                List<Object> vs = (List<Object>) r.get("Values");
                int half = ts.size() / 2;
                Map<String, Object> a = new HashMap<>(r);
                a.put("Timestamps", ts.subList(0, half));
                a.put("Values", vs.subList(0, half));
                a.put("StatusCode", "PartialData");
                Map<String, Object> b = new HashMap<>(r);
                b.put("Timestamps", ts.subList(half, ts.size()));
                b.put("Values", vs.subList(half, vs.size()));
                first.add(a);
                second.add(b);
            }
            secondPage = Map.of("MetricDataResults", second, "Messages", List.of());
            Map<String, Object> page = new HashMap<>(body);
            page.put("MetricDataResults", first);
            page.put("NextToken", "page-2");
            return new MotoProxy.Answer(200, answer.contentType(), json.write(page).getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void followsNextTokenThroughEveryPage() {
        Map<String, String> mine = Map.of("ServerGroup", V000, "Region", Moto.REGION);
        for (int m = 0; m < 6; m++) {
            put("Custom/Hello", "Latency", mine, start.plusSeconds(m * 60L + 7), m + 1);
        }
        fx.proxy.hooks(new TwoPages(fx.plane));

        TimeSeries s = source.fetch(new MetricQuery("cloudwatch", custom(Map.of())), group(V000), minutes(6));

        assertThat(s.values()).containsExactly(1.0, 2.0, 3.0, 4.0, 5.0, 6.0);
        assertThat(fx.proxy.calls().stream().filter(c -> c.action().equals("GetMetricData")).map(c -> c.params()
                .get("json").contains("page-2"))).containsExactly(false, true);
    }

    static Stream<Arguments> badQueries() {
        return Stream.of(
                Arguments.of(custom(Map.of("dimension", Map.of())), "dimension"),
                Arguments.of(Map.of("namespace", "Custom/Hello"), "metricName"),
                Arguments.of(Map.of("metricName", "Latency"), "namespace"),
                Arguments.of(Map.of("metric", "throughput"), "metric"),
                Arguments.of(Map.of("metric", "cpu", "namespace", "AWS/EC2"), "metric"),
                Arguments.of(custom(Map.of("stat", "Median")), "stat"),
                Arguments.of(custom(Map.of("unit", "Secs")), "unit"),
                Arguments.of(custom(Map.of("dimensions", "ServerGroup=x")), "dimensions"),
                Arguments.of(custom(Map.of("dimensions", Map.of("ServerGroup", "${server}"))), "dimensions.ServerGroup"),
                Arguments.of(custom(Map.of("dimensions", Map.of("ServerGroup", ""))), "dimensions.ServerGroup"));
    }

    @ParameterizedTest
    @MethodSource("badQueries")
    void aBadQueryIsRefusedBeforeAnythingRunsNamingItsField(Map<String, Object> fields, String field) {
        MetricQuery q = new MetricQuery("cloudwatch", fields);
        assertThatThrownBy(() -> source.validate(q)).isInstanceOfSatisfying(ClusterDeployException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
            assertThat(e.field()).isEqualTo(field);
        });
        assertThatThrownBy(() -> MetricSources.of(List.of(source)).forQuery(q, "metrics[2]"))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> assertThat(e.field())
                        .isEqualTo("metrics[2]." + field));
        assertThatThrownBy(() -> source.fetch(q, group(V000), minutes(2))).isInstanceOf(ClusterDeployException.class);
        assertThat(fx.proxy.calls()).noneMatch(c -> c.action().equals("GetMetricData"));
    }

    @Test
    void aBadScopeOrStepIsRefusedNamingTheField() {
        MetricQuery q = new MetricQuery("cloudwatch", custom(Map.of()));
        record Case(MetricScope scope, TimeWindow window, String field) {
        }
        List<Case> cases = List.of(
                new Case(group(V000), new TimeWindow(start, start.plusSeconds(450), Duration.ofSeconds(45)), "step"),
                new Case(MetricScope.serverGroup("nobody", Moto.REGION, "hello-prod", V000), minutes(2), "account"),
                new Case(MetricScope.serverGroup(AwsFixture.ACCOUNT, "eu-north-9", "hello-prod", V000), minutes(2),
                        "location"),
                new Case(MetricScope.cluster(AwsFixture.ACCOUNT, Moto.REGION, "hello-prod"), minutes(2), "dimensions"));
        for (Case c : cases) {
            assertThatThrownBy(() -> source.fetch(q, c.scope(), c.window())).as(c.field())
                    .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_INPUT);
                        assertThat(e.field()).isEqualTo(c.field());
                    });
        }
        // A server group that does not exist has no target group to read.
        assertThatThrownBy(() -> source.fetch(MetricQuery.of("cloudwatch", "requests"), group(V000), minutes(2)))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> assertThat(e.field()).isEqualTo("serverGroup"));
        assertThat(fx.proxy.calls()).noneMatch(c -> c.action().equals("GetMetricData"));
    }

    @Test
    void anUnreachableCloudWatchIsUnavailableAndNamesNoSecret() {
        Map<String, Object> settings = fx.settings(Map.of("endpoint", "http://127.0.0.1:" + MotoServer.freePort(),
                "retries", Map.of("maxAttempts", 2, "baseDelayMillis", 10, "maxDelayMillis", 20,
                        "throttlingBaseDelayMillis", 10, "attemptTimeoutSeconds", 5)));
        try (AwsProvider dead = (AwsProvider) new AwsProviderFactory().create(AwsFixture.ACCOUNT, settings,
                (field, ref) -> ref.equals("test:secret") ? "s3cr3t-value".toCharArray() : "AKIDEXAMPLE".toCharArray())) {
            assertThatThrownBy(() -> dead.metricSource().fetch(new MetricQuery("cloudwatch", custom(Map.of())),
                    group(V000), minutes(2))).isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.UNAVAILABLE);
                        assertThat(e.getMessage()).contains("GetMetricData").doesNotContain("s3cr3t-value");
                    });
        }
    }
}
