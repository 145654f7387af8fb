package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.canary.source.MetricScope;
import io.clusterdeploy.engine.canary.source.MetricSource;
import io.clusterdeploy.engine.canary.source.TimeSeries;
import io.clusterdeploy.engine.canary.source.TimeWindow;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/**
 * The {@code cloudwatch} metric source: one metric of one scope through CloudWatch GetMetricData, with the
 * credentials, region, endpoint and retry policy of the scope's AWS account. The period is the window's step; the
 * window is aligned down to whole periods, and every period CloudWatch has no point for is NaN. Pages are followed
 * through NextToken. A query CloudWatch or this source refuses is INVALID_INPUT naming the query's field; a
 * CloudWatch that cannot be reached, or keeps failing after the account's retries, is UNAVAILABLE.
 *
 * <p>Per-target-group metrics ({@code AWS/ApplicationELB}) are a server group's own only when no other server group
 * is in that target group: a baseline and a canary sharing one would read the same numbers and always pass. Such a
 * scope is refused; give each side its own target group (the canary strategy does), or judge per-instance metrics
 * ({@code AWS/EC2} by {@code AutoScalingGroupName}).
 */
public final class CloudWatchMetricSource implements MetricSource {
    public static final String TYPE = "cloudwatch";
    /** The periods CloudWatch accepts: high resolution ones, or whole minutes. */
    private static final List<Long> SUB_MINUTE_PERIODS = List.of(1L, 5L, 10L, 30L);
    /** A loop guard: far beyond what GetMetricData pages for one metric over {@link TimeWindow#MAX_POINTS}. */
    private static final int MAX_PAGES = 1000;

    private final Function<String, Optional<AwsProvider>> accounts;

    private CloudWatchMetricSource(Function<String, Optional<AwsProvider>> accounts) {
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    /** One source for every AWS account a front end has: the scope's account picks the provider. */
    public static CloudWatchMetricSource forAccounts(Function<String, Optional<AwsProvider>> accounts) {
        return new CloudWatchMetricSource(accounts);
    }

    /** The source of one account (what {@link AwsProvider#metricSource()} gives). */
    static CloudWatchMetricSource of(AwsProvider provider) {
        String name = provider.account().name();
        return new CloudWatchMetricSource(a -> name.equals(a) ? Optional.of(provider) : Optional.empty());
    }

    @Override
    public String type() {
        return TYPE;
    }

    @Override
    public void validate(MetricQuery query) {
        CloudWatchQuery.parse(query);
    }

    @Override
    public TimeSeries fetch(MetricQuery query, MetricScope scope, TimeWindow window) {
        CloudWatchQuery q = CloudWatchQuery.parse(query);
        long period = period(window.step());
        AwsProvider provider = accounts.apply(scope.account()).orElseThrow(() -> ClusterDeployException.invalid(
                "account", "account '" + scope.account() + "' is not an AWS account of this server"));
        AwsRegion region = region(provider, scope);
        Map<String, String> dimensions = q.substituted(variables(provider, region, scope, q));
        return read(provider.errors(), region, q, dimensions, period, window);
    }

    /** The step as a CloudWatch period in seconds: 1, 5, 10, 30 or a multiple of 60. */
    static long period(Duration step) {
        long s = step.toSeconds();
        if (step.toNanosPart() != 0 || s <= 0 || !(SUB_MINUTE_PERIODS.contains(s) || s % 60 == 0)) {
            throw ClusterDeployException.invalid("step", "step: CloudWatch periods are 1, 5, 10 or 30 seconds or a"
                    + " multiple of 60 seconds, not " + step);
        }
        return s;
    }

    private static AwsRegion region(AwsProvider provider, MetricScope scope) {
        String location = scope.location();
        if (location == null) {
            List<String> regions = provider.account().locations();
            if (regions.size() != 1) {
                throw ClusterDeployException.invalid("location", "location: account '" + scope.account()
                        + "' has regions " + regions + "; the scope must name one");
            }
            location = regions.get(0);
        }
        return provider.region(location);
    }

    private static Map<String, String> variables(AwsProvider provider, AwsRegion region, MetricScope scope,
                                                 CloudWatchQuery q) {
        Map<String, String> v = new HashMap<>();
        String serverGroup = scope.serverGroup() == null || scope.serverGroup().isBlank() ? null : scope.serverGroup();
        if (q.uses("serverGroup") && serverGroup == null) {
            throw ClusterDeployException.invalid("dimensions", "dimensions: ${serverGroup} needs a server group scope;"
                    + " this scope is the cluster " + scope.cluster());
        }
        String cluster = scope.cluster() != null && !scope.cluster().isBlank() ? scope.cluster()
                : io.clusterdeploy.engine.naming.ServerGroupName.parse(serverGroup).clusterName();
        v.put("serverGroup", serverGroup == null ? "" : serverGroup);
        v.put("cluster", cluster);
        v.put("region", region.name());
        v.put("location", region.name());
        v.put("account", scope.account());
        v.put("scope", scope.name());
        if (q.uses("targetGroup") || q.uses("loadBalancer")) {
            TargetGroupDimensions tg = TargetGroupDimensions.of(provider, region, scope, cluster, q);
            v.put("targetGroup", tg.targetGroup());
            v.put("loadBalancer", tg.loadBalancer() == null ? "" : tg.loadBalancer());
            if (q.uses("loadBalancer") && tg.loadBalancer() == null) {
                throw ClusterDeployException.invalid("dimensions", "dimensions: ${loadBalancer}: no load balancer"
                        + " forwards to target group " + tg.name() + ", so CloudWatch has no metrics of it");
            }
        }
        return v;
    }

    private static TimeSeries read(AwsErrors errors, AwsRegion region, CloudWatchQuery q, Map<String, String> dimensions,
                                   long periodSeconds, TimeWindow window) {
        long p = periodSeconds * 1000;
        long first = Math.floorDiv(window.start().toEpochMilli(), p) * p;
        long last = Math.floorDiv(window.end().toEpochMilli(), p) * p;
        int n = (int) ((last - first) / p + 1);
        double[] values = new double[n];
        Arrays.fill(values, Double.NaN);
        MetricDataQuery mdq = MetricDataQuery.builder().id("m0").returnData(true).metricStat(s -> {
            s.period((int) periodSeconds).stat(q.stat()).metric(m -> m.namespace(q.namespace()).metricName(q.metricName())
                    // In name order: CloudWatch matches dimensions as a set, but moto 5.2.1 compares them after a
                    // sort whose order test (Dimension.__lt__) is wrong, so only lists in the same order match there.
                    .dimensions(new java.util.TreeMap<>(dimensions).entrySet().stream().map(e -> Dimension.builder()
                            .name(e.getKey()).value(e.getValue()).build()).toList()));
            if (q.unit() != null) {
                s.unit(q.unit());
            }
        }).build();
        String what = "GetMetricData " + q.namespace() + " " + q.metricName();
        int found = 0;
        String token = null;
        int pages = 0;
        do {
            String next = token;
            GetMetricDataResponse page = call(errors, what, () -> region.clients.cloudWatch.getMetricData(r -> r
                    .metricDataQueries(mdq).startTime(Instant.ofEpochMilli(first)).endTime(Instant.ofEpochMilli(last + p))
                    .scanBy(ScanBy.TIMESTAMP_ASCENDING).nextToken(next)));
            for (MetricDataResult result : page.metricDataResults()) {
                check(what, result);
                List<Instant> ts = result.timestamps();
                List<Double> vs = result.values();
                for (int i = 0; i < ts.size() && i < vs.size(); i++) {
                    long offset = ts.get(i).toEpochMilli() - first;
                    int index = (int) Math.floorDiv(offset, p);
                    Double value = vs.get(i);
                    if (index >= 0 && index < n && value != null && Double.isNaN(values[index])) {
                        values[index] = value;
                        found++;
                    }
                }
            }
            token = page.nextToken();
            if (++pages >= MAX_PAGES && token != null) {
                throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null, what + ": CloudWatch kept paging after "
                        + MAX_PAGES + " pages");
            }
        } while (token != null && !token.isEmpty());
        return found == 0 ? TimeSeries.empty() : TimeSeries.regular(Instant.ofEpochMilli(first), Duration.ofMillis(p), values);
    }

    private static void check(String what, MetricDataResult result) {
        StatusCode code = result.statusCode();
        if (code == StatusCode.INTERNAL_ERROR) {
            throw new ClusterDeployException(ErrorKind.UNAVAILABLE, null, what + ": CloudWatch answered InternalError"
                    + messages(result));
        }
        if (code == StatusCode.FORBIDDEN) {
            throw ClusterDeployException.invalid("query", what + ": CloudWatch refused to read this metric"
                    + " (Forbidden)" + messages(result));
        }
    }

    private static String messages(MetricDataResult result) {
        return result.hasMessages() && !result.messages().isEmpty() ? ": " + String.join("; ", result.messages().stream()
                .map(m -> m.code() + " " + m.value()).toList()) : "";
    }

    /** The account's error translation, with a refused query named as the query's fault. */
    private static <T> T call(AwsErrors errors, String what, java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (SdkException e) {
            ClusterDeployException translated = errors.translate(what, e);
            if (translated.kind() == ErrorKind.CONFLICT) {
                throw new ClusterDeployException(ErrorKind.INVALID_INPUT, "query", translated.getMessage(), e);
            }
            throw translated;
        }
    }
}
