package io.clusterdeploy.engine.api;

import io.clusterdeploy.engine.model.Account;
import io.clusterdeploy.engine.model.Cluster;
import io.clusterdeploy.engine.model.HealthState;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.Moniker;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.operation.ErrorInfo;
import io.clusterdeploy.engine.operation.OperationState;
import io.clusterdeploy.engine.operation.OperationTarget;
import io.clusterdeploy.engine.plan.Plan;
import io.clusterdeploy.engine.plan.PlannedAction;
import io.clusterdeploy.engine.provider.InstanceDetails;
import io.clusterdeploy.engine.provider.InstanceLog;
import io.clusterdeploy.engine.secret.Redaction;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON shapes of the API, built explicitly so that what clients see is a stable contract
 * and not whatever the model records happen to expose.
 */
public final class Views {
    private Views() {
    }

    /** @param isProtected destructive changes on it need its name confirmed */
    static Map<String, Object> account(Account a, boolean isProtected) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("provider", a.provider());
        m.put("locations", a.locations());
        m.put("protected", isProtected);
        return m;
    }

    static Map<String, Object> cluster(Cluster c) {
        return cluster(c, false);
    }

    /**
     * @param summarised the lean form of a big application's read: the groups as rows under one field list
     *                   ({@code serverGroupFields}, {@code serverGroupRows}: {@link ServerGroupRow}) instead of
     *                   {@code serverGroups}, each group's instances as one health letter each
     */
    static Map<String, Object> cluster(Cluster c, boolean summarised) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("account", c.account());
        m.put("location", c.location());
        // The cluster's stack and detail (null when its name has none), so that clients filter on them without
        // parsing names again.
        Moniker moniker = c.serverGroups().isEmpty() ? null : c.serverGroups().get(0).moniker();
        m.put("stack", moniker == null ? null : moniker.stack());
        m.put("detail", moniker == null ? null : moniker.detail());
        if (summarised) {
            m.put("serverGroupFields", ServerGroupRow.FIELDS);
            m.put("serverGroupRows", c.serverGroups().stream().map(ServerGroupRow::of).toList());
        } else {
            m.put("serverGroups", c.serverGroups().stream().map(Views::serverGroup).toList());
        }
        return m;
    }

    /**
     * An application as {@code GET /applications} lists it: its accounts, how many clusters and server groups it has
     * and its instances' health counted over them all (for the overview of every application).
     */
    static Map<String, Object> application(String name, List<String> accounts, List<Cluster> clusters) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("accounts", accounts);
        m.put("clusters", clusters.size());
        List<ServerGroup> groups = clusters.stream().flatMap(c -> c.serverGroups().stream()).toList();
        m.put("serverGroups", groups.size());
        m.put("enabledServerGroups", groups.stream().filter(ServerGroup::enabled).count());
        m.put("instanceCounts", counts(groups.stream().flatMap(sg -> sg.instances().stream()).toList()));
        return m;
    }

    /** The letter of each health state in {@code instanceHealth}. */
    static char letter(HealthState h) {
        return switch (h) {
            case UP -> 'U';
            case DOWN -> 'D';
            case STARTING -> 'S';
            case OUT_OF_SERVICE -> 'O';
            case UNKNOWN -> '?';
        };
    }

    /**
     * A server group with every instance, as scripts and the group's own read get it. A big application's summarised
     * read writes each group as a row instead ({@link ServerGroupRow}): 10,000 groups of 10 instances took 14.5 MB
     * before compression in this form, 6.6 MB with letters instead of instances, 2.6 MB as lean objects and
     * 1.64 MB as rows.
     */
    static Map<String, Object> serverGroup(ServerGroup sg) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", sg.name());
        m.put("cluster", sg.cluster());
        m.put("account", sg.account());
        m.put("location", sg.location());
        m.put("sequence", sg.moniker().sequence());
        m.put("enabled", sg.enabled());
        m.put("capacity", Map.of("min", sg.capacity().min(), "desired", sg.capacity().desired(),
                "max", sg.capacity().max()));
        m.put("instanceCounts", counts(sg.instances()));
        m.put("instances", sg.instances().stream().map(Views::instance).toList());
        m.put("createdTime", sg.createdTime() == null ? null : sg.createdTime().toString());
        m.put("artifact", Redaction.commandLine(sg.artifact()));
        m.put("loadBalancers", sg.loadBalancers());
        m.put("securityGroups", sg.securityGroups());
        m.put("tags", sg.tags());
        return m;
    }

    private static Map<String, Object> counts(List<Instance> instances) {
        Map<HealthState, Integer> byState = new EnumMap<>(HealthState.class);
        for (HealthState h : HealthState.values()) {
            byState.put(h, 0);
        }
        instances.forEach(i -> byState.merge(i.health(), 1, Integer::sum));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("total", instances.size());
        m.put("up", byState.get(HealthState.UP));
        m.put("down", byState.get(HealthState.DOWN));
        m.put("starting", byState.get(HealthState.STARTING));
        m.put("outOfService", byState.get(HealthState.OUT_OF_SERVICE));
        m.put("unknown", byState.get(HealthState.UNKNOWN));
        return m;
    }

    static Map<String, Object> instance(Instance i) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", i.id());
        m.put("health", i.health().name());
        m.put("address", i.address());
        m.put("launched", i.launched() == null ? null : i.launched().toString());
        return m;
    }

    /**
     * One instance as its panel shows it: the model's instance, where it runs, each health check's verdict and the
     * cloud's own facts.
     */
    static Map<String, Object> instanceDetails(ServerGroup sg, Instance i, InstanceDetails details) {
        Map<String, Object> m = instance(i);
        m.put("serverGroup", sg.name());
        m.put("cluster", sg.cluster());
        m.put("application", sg.moniker().app());
        m.put("account", sg.account());
        m.put("location", sg.location());
        m.put("healthChecks", details.healthChecks().stream().map(c -> {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("type", c.type());
            cm.put("target", c.target());
            cm.put("state", c.state().name());
            cm.put("detail", c.detail());
            cm.put("checkedAt", c.checkedAt() == null ? null : c.checkedAt().toString());
            return cm;
        }).toList());
        m.put("facts", details.facts());
        return m;
    }

    /** The end of an instance's log. */
    static Map<String, Object> instanceLog(String id, InstanceLog log) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("lines", log.lines());
        m.put("truncated", log.truncated());
        m.put("size", log.size());
        m.put("maxBytes", InstanceLog.MAX_BYTES);
        m.put("text", log.text());
        return m;
    }

    static Map<String, Object> loadBalancer(LoadBalancer lb) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", lb.name());
        m.put("account", lb.account());
        m.put("location", lb.location());
        m.put("address", lb.address());
        m.put("serverGroups", lb.serverGroups());
        m.put("settings", lb.settings());
        return m;
    }

    static Map<String, Object> operation(OperationState s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", s.id());
        m.put("type", s.type());
        m.put("target", s.target() == null ? null : target(s.target()));
        m.put("failIfBusy", s.failIfBusy());
        m.put("status", s.status().name());
        m.put("phase", s.phase().id());
        m.put("cancelRequested", s.cancelRequested());
        var c = s.cancellation();
        m.put("cancelledBy", c == null ? null : c.by());
        m.put("cancelReason", c == null ? null : c.reason());
        m.put("cancelRequestedAt", c == null || c.at() == null ? null : c.at().toString());
        m.put("createdAt", s.createdAt().toString());
        m.put("updatedAt", s.updatedAt().toString());
        m.put("startedBy", s.request().get(io.clusterdeploy.engine.catalog.Attribution.STARTED_BY));
        m.put("reason", s.request().get(io.clusterdeploy.engine.catalog.Attribution.REASON));
        m.put("request", Redaction.redact(s.request()));
        m.put("steps", s.steps().stream().map(st -> {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", st.name());
            sm.put("phase", st.phase().id());
            sm.put("status", st.status().name());
            sm.put("startedAt", st.startedAt() == null ? null : st.startedAt().toString());
            sm.put("endedAt", st.endedAt() == null ? null : st.endedAt().toString());
            sm.put("message", st.message());
            return sm;
        }).toList());
        m.put("context", Redaction.redact(s.context()));
        m.put("error", error(s.error()));
        return m;
    }

    private static Map<String, Object> error(ErrorInfo error) {
        if (error == null) {
            return null;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("kind", error.kind());
        e.put("field", error.field());
        e.put("message", error.message());
        return e;
    }

    static Map<String, Object> target(OperationTarget t) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("account", t.account());
        m.put("location", t.location());
        m.put("application", t.application());
        m.put("cluster", t.cluster());
        return m;
    }

    /** A plan as the API answers a dry run: outcome, fingerprint, and each step with its actions and checks. */
    public static Map<String, Object> plan(Plan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dryRun", true);
        m.put("type", p.type());
        m.put("target", target(p.target()));
        m.put("outcome", p.outcome().name());
        m.put("error", error(p.error()));
        m.put("fingerprint", p.fingerprint());
        m.put("steps", p.steps().stream().map(st -> {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("name", st.name());
            sm.put("phase", st.phase().id());
            sm.put("fails", st.fails());
            sm.put("message", st.message());
            sm.put("actions", st.actions().stream().map(Views::action).toList());
            sm.put("checks", st.checks().stream().map(c -> {
                Map<String, Object> cm = new LinkedHashMap<>();
                cm.put("kind", c.kind().name());
                cm.put("description", c.description());
                cm.put("verdict", c.verdict().name());
                return cm;
            }).toList());
            return sm;
        }).toList());
        return m;
    }

    private static Map<String, Object> action(PlannedAction a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", a.kind().name());
        m.put("target", a.target());
        m.put("from", a.from() == null ? null : a.from().toMap());
        m.put("to", a.to() == null ? null : a.to().toMap());
        m.put("percentage", a.percentage());
        m.put("summary", a.toString());
        return m;
    }
}
