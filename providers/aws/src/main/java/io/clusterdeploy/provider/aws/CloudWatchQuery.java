package io.clusterdeploy.provider.aws;

import io.clusterdeploy.engine.canary.source.MetricQuery;
import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One CloudWatch metric as a canary config asks for it: a namespace, a metric name, dimensions whose values may
 * name the scope (<code>${serverGroup}</code>, <code>${cluster}</code>, <code>${region}</code>, <code>${account}</code>,
 * <code>${targetGroup}</code>, <code>${loadBalancer}</code>), a statistic and optionally a unit. Four presets name the
 * usual ones: {@code requests}, {@code errors} (5xx of the targets) and {@code latency} from {@code AWS/ApplicationELB}
 * per target group, {@code cpu} from {@code AWS/EC2} per Auto Scaling group. Errors name the query's field.
 *
 * @param targetGroup  which of the scope's target groups, when it has several; null otherwise
 * @param loadBalancer which load balancer in front of it, when several forward to it; null otherwise
 */
record CloudWatchQuery(String namespace, String metricName, Map<String, String> dimensions, String stat, String unit,
                       String targetGroup, String loadBalancer) {
    static final Set<String> VARIABLES = Set.of("serverGroup", "cluster", "region", "location", "account", "scope",
            "targetGroup", "loadBalancer");
    private static final Set<String> FIELDS = Set.of("metric", "query", "namespace", "metricName", "dimensions", "stat",
            "unit", "targetGroup", "loadBalancer");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern STAT = Pattern.compile("Sum|Average|Minimum|Maximum|SampleCount"
            + "|(p|tm|wm|tc|ts)\\d{1,2}(\\.\\d{1,10})?|p100|(TM|WM|TC|TS|PR)\\([^)]*\\)");
    private static final Set<String> UNITS = Set.of("Seconds", "Microseconds", "Milliseconds", "Bytes", "Kilobytes",
            "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits", "Terabits", "Percent",
            "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second", "Gigabytes/Second", "Terabytes/Second",
            "Bits/Second", "Kilobits/Second", "Megabits/Second", "Gigabits/Second", "Terabits/Second", "Count/Second",
            "None");
    private static final Map<String, String> ALB = alb();

    CloudWatchQuery {
        dimensions = Collections.unmodifiableMap(new LinkedHashMap<>(dimensions));
    }

    private static Map<String, String> alb() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("TargetGroup", "${targetGroup}");
        d.put("LoadBalancer", "${loadBalancer}");
        return d;
    }

    /** The preset metrics: what a canary of a server group behind an ALB usually judges. */
    private static CloudWatchQuery preset(String name, String field) {
        return switch (name) {
            case "requests" -> new CloudWatchQuery("AWS/ApplicationELB", "RequestCount", ALB, "Sum", null, null, null);
            case "errors", "5xx" -> new CloudWatchQuery("AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", ALB, "Sum",
                    null, null, null);
            case "latency" -> new CloudWatchQuery("AWS/ApplicationELB", "TargetResponseTime", ALB, "Average", null, null,
                    null);
            case "cpu" -> new CloudWatchQuery("AWS/EC2", "CPUUtilization", Map.of("AutoScalingGroupName", "${serverGroup}"),
                    "Average", null, null, null);
            default -> throw ClusterDeployException.invalid(field, field + ": unknown CloudWatch metric '" + name
                    + "'; the presets are requests, errors, latency and cpu, or give namespace and metricName");
        };
    }

    static CloudWatchQuery parse(MetricQuery query) {
        Map<String, Object> f = query.fields();
        for (String key : f.keySet()) {
            if (!FIELDS.contains(key)) {
                throw ClusterDeployException.invalid(key, key + ": not a field of a cloudwatch query; its fields: "
                        + String.join(", ", FIELDS.stream().sorted().toList()));
            }
        }
        String presetField = f.containsKey("metric") ? "metric" : f.containsKey("query") ? "query" : null;
        CloudWatchQuery base;
        if (presetField != null) {
            if (f.containsKey("namespace") || f.containsKey("metricName")) {
                throw ClusterDeployException.invalid(presetField, presetField + ": give either a preset metric or"
                        + " namespace and metricName, not both");
            }
            base = preset(text(f, presetField, true), presetField);
        } else {
            String namespace = text(f, "namespace", true);
            if (namespace.length() > 255 || namespace.startsWith(":")) {
                throw ClusterDeployException.invalid("namespace", "namespace: at most 255 characters, not starting"
                        + " with ':'");
            }
            String metricName = text(f, "metricName", true);
            if (metricName.length() > 255) {
                throw ClusterDeployException.invalid("metricName", "metricName: at most 255 characters");
            }
            base = new CloudWatchQuery(namespace, metricName, Map.of(), "Average", null, null, null);
        }
        Map<String, String> dimensions = base.dimensions();
        if (f.containsKey("dimensions")) {
            dimensions = dimensions(f.get("dimensions"));
        }
        String stat = f.containsKey("stat") ? text(f, "stat", true) : base.stat();
        if (!STAT.matcher(stat).matches()) {
            throw ClusterDeployException.invalid("stat", "stat: '" + stat + "' is not a CloudWatch statistic (Sum,"
                    + " Average, Minimum, Maximum, SampleCount, a percentile such as p99, or tm90, TM(10%:90%) ...)");
        }
        String unit = text(f, "unit", false);
        if (unit != null && !UNITS.contains(unit)) {
            throw ClusterDeployException.invalid("unit", "unit: '" + unit + "' is not a CloudWatch unit (Seconds,"
                    + " Milliseconds, Count, Percent, Bytes ...)");
        }
        return new CloudWatchQuery(base.namespace(), base.metricName(), dimensions, stat, unit,
                text(f, "targetGroup", false), text(f, "loadBalancer", false));
    }

    private static Map<String, String> dimensions(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw ClusterDeployException.invalid("dimensions", "dimensions: a map of dimension name to value,"
                    + " e.g. {AutoScalingGroupName: '${serverGroup}'}");
        }
        if (map.size() > 30) {
            throw ClusterDeployException.invalid("dimensions", "dimensions: CloudWatch allows at most 30, " + map.size()
                    + " given");
        }
        Map<String, String> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            String name = String.valueOf(k);
            String field = "dimensions." + name;
            if (name.isBlank() || name.length() > 255) {
                throw ClusterDeployException.invalid("dimensions", "dimensions: a dimension name of 1 to 255 characters");
            }
            if (v == null || v instanceof Map || v instanceof List || v.toString().isBlank()) {
                throw ClusterDeployException.invalid(field, field + ": a text value is required");
            }
            String text = v.toString();
            Matcher m = VARIABLE.matcher(text);
            while (m.find()) {
                if (!VARIABLES.contains(m.group(1))) {
                    throw ClusterDeployException.invalid(field, field + ": unknown variable ${" + m.group(1)
                            + "}; known: " + String.join(", ", VARIABLES.stream().sorted().toList()));
                }
            }
            out.put(name, text);
        });
        return out;
    }

    private static String text(Map<String, Object> f, String key, boolean required) {
        Object v = f.get(key);
        if (v == null) {
            if (required) {
                throw ClusterDeployException.invalid(key, key + " is required");
            }
            return null;
        }
        if (v instanceof Map || v instanceof List || v.toString().isBlank()) {
            throw ClusterDeployException.invalid(key, key + ": a non-empty text is required");
        }
        return v.toString().trim();
    }

    /** True when some dimension value names {@code variable}. */
    boolean uses(String variable) {
        return dimensions.values().stream().anyMatch(v -> v.contains("${" + variable + "}"));
    }

    /** The dimensions with every variable replaced. */
    Map<String, String> substituted(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        dimensions.forEach((name, v) -> {
            Matcher m = VARIABLE.matcher(v);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(sb, Matcher.quoteReplacement(values.get(m.group(1))));
            }
            m.appendTail(sb);
            out.put(name, sb.toString());
        });
        return out;
    }
}
