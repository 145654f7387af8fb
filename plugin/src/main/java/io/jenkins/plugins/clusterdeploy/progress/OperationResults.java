package io.jenkins.plugins.clusterdeploy.progress;

import io.clusterdeploy.engine.operation.ContextKeys;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a step returns and how it fails, from the operation's final state. */
public final class OperationResults {
    private static final List<String> GROUP_LISTS = List.of(ContextKeys.PREVIOUS, ContextKeys.ENABLED,
            ContextKeys.DISABLED, ContextKeys.RESIZED, ContextKeys.SCALED_DOWN, ContextKeys.DESTROYED);

    private OperationResults() {
    }

    /**
     * The map a step returns: {@code operationId}, {@code status}, {@code newServerGroup} (deploys) and the server
     * groups the operation touched by what it did to them (names), plus {@code image}, {@code serverGroupName} or
     * {@code actual} for the cluster checks. Only strings, numbers and lists of strings: safe to keep in a Pipeline.
     */
    public static Map<String, Object> resultMap(OperationState s) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("operationId", s.id());
        out.put("status", s.status().name());
        Map<String, Object> ctx = s.context();
        if ("deploy".equals(s.type())) {
            out.put(ContextKeys.NEW_SERVER_GROUP, ctx.get(ContextKeys.NEW_SERVER_GROUP) == null
                    ? null : String.valueOf(ctx.get(ContextKeys.NEW_SERVER_GROUP)));
            for (String key : List.of(ContextKeys.PREVIOUS, ContextKeys.DISABLED, ContextKeys.DESTROYED,
                    ContextKeys.SCALED_DOWN)) {
                out.put(key, names(ctx.get(key)));
            }
            if (ctx.get(ContextKeys.CANARY) instanceof Map<?, ?> canary) {
                out.put(ContextKeys.CANARY, canarySummary(canary));
            }
        } else {
            for (String key : GROUP_LISTS) {
                if (ctx.containsKey(key)) {
                    out.put(key, names(ctx.get(key)));
                }
            }
        }
        for (String key : List.of("image", "serverGroupName")) {
            if (ctx.get(key) != null) {
                out.put(key, String.valueOf(ctx.get(key)));
            }
        }
        if (ctx.get("actual") instanceof Number n) {
            out.put("actual", n.longValue());
        }
        return out;
    }

    /**
     * A canary deploy's outcome in a Pipeline's terms: {@code decision} (promote, fail, or null when it never got
     * that far), {@code classification}, {@code score} and {@code reason} of the last judgement, {@code baseline},
     * {@code canary} and {@code production} (names) and {@code intervals} (how many were judged).
     */
    static Map<String, Object> canarySummary(Map<?, ?> canary) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("decision", text(canary.get("decision")));
        Map<?, ?> last = canary.get("report") instanceof Map<?, ?> r ? r : Map.of();
        out.put("classification", text(last.get("classification")));
        out.put("score", last.get("score") instanceof Number n ? n.doubleValue() : null);
        out.put("reason", text(canary.get("reason") != null ? canary.get("reason") : last.get("reason")));
        for (String key : List.of("baseline", "canary", "production")) {
            out.put(key, text(canary.get(key)));
        }
        out.put("intervals", canary.get("intervals") instanceof List<?> l ? l.size() : 0);
        return out;
    }

    private static String text(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    /** What the step returns: the image for findImageFromCluster, the result map otherwise. */
    public static Object stepResult(OperationState s) {
        if ("findImageFromCluster".equals(s.type())) {
            Object image = s.context().get("image");
            return image == null ? null : String.valueOf(image);
        }
        return resultMap(s);
    }

    /** Server group names from a list of names or of snapshots ({@code {"name": ...}}). */
    public static List<String> names(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Map<?, ?> m && m.get("name") != null) {
                    out.add(String.valueOf(m.get("name")));
                } else if (o != null && !(o instanceof Map<?, ?>)) {
                    out.add(String.valueOf(o));
                }
            }
        }
        return out;
    }

    /** Why a finished, unsuccessful operation failed, naming the parameter at fault when there is one. */
    public static String failure(String functionName, OperationState s) {
        if (s.status() == OperationStatus.CANCELLED) {
            return functionName + ": operation " + s.id() + " was cancelled"
                    + (s.error() == null ? "" : ": " + s.error().message());
        }
        String message = s.error() == null ? "no reason recorded" : s.error().message();
        String field = s.error() == null ? null : s.error().field();
        return functionName + " failed (operation " + s.id() + "): " + message
                + (field == null ? "" : " [parameter: " + field + "]");
    }
}
