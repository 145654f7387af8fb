package io.clusterdeploy.engine.deploy.canary;

import io.clusterdeploy.engine.operation.ContextKeys;
import io.clusterdeploy.engine.operation.OperationContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A canary deploy's record in its persisted context, under {@link ContextKeys#CANARY}: one JSON object that the
 * report page, the build summary and the demo read.
 * <pre>{@code
 * {production: hello-prod-v003, baseline: hello-prod-baseline-v000, canary: hello-prod-canary-v000,
 *  traffic: {split: "exact weights per server group", percent: 10, served: {...}},
 *  analysis: {start, end, interval, lookback, step, intervals, thresholds: {pass, marginal}},
 *  intervals: [{index, start, end, score, classification, reason}],
 *  report: {score, classification, reason, report: {...the last judgement, with series...}},
 *  decision: promote|fail, reason}
 * }</pre>
 * Every write goes through {@link #put}, so each step persists what it decided before it acts on it.
 */
final class CanaryRecord {
    static final String PRODUCTION = "production";
    static final String BASELINE = "baseline";
    static final String CANARY = "canary";
    static final String TRAFFIC = "traffic";
    static final String ANALYSIS = "analysis";
    static final String INTERVALS = "intervals";
    static final String REPORT = "report";
    static final String DECISION = "decision";
    static final String REASON = "reason";
    static final String DESTROYED = "destroyed";

    private final OperationContext ctx;

    private CanaryRecord(OperationContext ctx) {
        this.ctx = ctx;
    }

    static CanaryRecord of(OperationContext ctx) {
        return new CanaryRecord(ctx);
    }

    private Map<String, Object> map() {
        Object v = ctx.get(ContextKeys.CANARY);
        return v instanceof Map<?, ?> m ? copy(m) : new LinkedHashMap<>();
    }

    private static Map<String, Object> copy(Map<?, ?> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    Object get(String key) {
        return map().get(key);
    }

    String string(String key) {
        Object v = get(key);
        return v == null ? null : v.toString();
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(String key) {
        Object v = get(key);
        return v instanceof Map<?, ?> m ? copy(m) : new LinkedHashMap<>();
    }

    @SuppressWarnings("unchecked")
    List<Object> list(String key) {
        Object v = get(key);
        return v instanceof List<?> l ? new ArrayList<>((List<Object>) l) : new ArrayList<>();
    }

    /** Sets one value and persists the context at once. */
    void put(String key, Object value) {
        Map<String, Object> m = map();
        m.put(key, value);
        ctx.put(ContextKeys.CANARY, m);
        ctx.checkpoint();
    }

    /** Sets values together and persists them in one save. */
    void putAll(Map<String, Object> values) {
        Map<String, Object> m = map();
        m.putAll(values);
        ctx.put(ContextKeys.CANARY, m);
        ctx.checkpoint();
    }
}
