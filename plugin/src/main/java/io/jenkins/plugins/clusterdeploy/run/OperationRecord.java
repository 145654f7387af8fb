package io.jenkins.plugins.clusterdeploy.run;

import io.clusterdeploy.engine.operation.ContextKeys;
import io.clusterdeploy.engine.operation.OperationState;
import io.jenkins.plugins.clusterdeploy.progress.OperationResults;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a build's summary shows of one operation it ran: account, cluster, strategy, outcome, the server groups it
 * created, disabled and destroyed, and its timeline. A snapshot of the engine's state, kept with the build (strings
 * and lists only), so the summary outlives the engine's own records.
 */
public final class OperationRecord {
    private final String id;
    private final String type;
    private final String step;
    private final String account;
    private final String application;
    private final String cluster;
    private final String strategy;
    private final String status;
    private final String error;
    private final String newServerGroup;
    private final List<String> previousServerGroups;
    private final List<String> disabledServerGroups;
    private final List<String> destroyedServerGroups;
    private final List<String> scaledDownServerGroups;
    private final List<String> enabledServerGroups;
    private final String image;
    private final String startedAt;
    private final String updatedAt;
    private final List<StepLine> steps;
    /** A canary deploy's or analysis's verdict (Pass, Marginal, Fail), score and decision; null for other operations. */
    private final String canaryClassification;
    private final Double canaryScore;
    private final String canaryDecision;

    private OperationRecord(OperationState s, String step) {
        Map<String, Object> request = s.request();
        Map<String, Object> ctx = s.context();
        this.id = s.id();
        this.type = s.type();
        this.step = step;
        // The engine records where an operation acts, typed; a file older than that has it once it resumes.
        this.account = s.target() == null ? string(request.get("account")) : s.target().account();
        this.application = s.target() == null ? null : s.target().application();
        this.cluster = s.target() == null ? null : s.target().cluster();
        this.strategy = "deploy".equals(s.type())
                ? (request.get("strategy") == null ? "none" : string(request.get("strategy"))) : null;
        this.status = s.status().name();
        this.error = s.error() == null ? null : s.error().message();
        this.newServerGroup = string(ctx.get(ContextKeys.NEW_SERVER_GROUP));
        this.previousServerGroups = OperationResults.names(ctx.get(ContextKeys.PREVIOUS));
        this.disabledServerGroups = OperationResults.names(ctx.get(ContextKeys.DISABLED));
        this.destroyedServerGroups = OperationResults.names(ctx.get(ContextKeys.DESTROYED));
        this.scaledDownServerGroups = OperationResults.names(ctx.get(ContextKeys.SCALED_DOWN));
        this.enabledServerGroups = OperationResults.names(ctx.get(ContextKeys.ENABLED));
        this.image = string(ctx.get("image"));
        this.startedAt = s.createdAt() == null ? null : s.createdAt().toString();
        this.updatedAt = s.updatedAt() == null ? null : s.updatedAt().toString();
        Map<?, ?> verdict = CanaryVerdict.of(ctx);
        this.canaryClassification = verdict == null ? null : string(verdict.get("classification"));
        this.canaryScore = verdict != null && verdict.get("score") instanceof Number n ? n.doubleValue() : null;
        this.canaryDecision = ctx.get(ContextKeys.CANARY) instanceof Map<?, ?> c ? string(c.get("decision")) : null;
        // Plain ArrayLists: the record is written into build.xml.
        this.steps = new ArrayList<>(s.steps().stream().map(StepLine::of).toList());
    }

    /** @param step the Pipeline step or builder that ran it */
    public static OperationRecord of(OperationState s, String step) {
        return new OperationRecord(s, step);
    }

    public String getCanaryClassification() {
        return canaryClassification;
    }

    /** The score as people write it: 87.5, 100. */
    public String getCanaryScore() {
        return canaryScore == null ? null
                : canaryScore == Math.rint(canaryScore) ? String.valueOf(canaryScore.longValue()) : String.valueOf(canaryScore);
    }

    /** promote or fail, for a canary deploy that got that far. */
    public String getCanaryDecision() {
        return canaryDecision;
    }

    public boolean isCanary() {
        return canaryClassification != null || canaryDecision != null;
    }

    private static String string(Object o) {
        return o == null ? null : String.valueOf(o);
    }

    public String getId() {
        return id;
    }

    public String getType() {
        return type;
    }

    public String getStep() {
        return step;
    }

    public String getAccount() {
        return account;
    }

    public String getCluster() {
        return cluster;
    }

    /** For the link to the cluster view. */
    public String getApplication() {
        return application;
    }

    public String getStrategy() {
        return strategy;
    }

    public String getStatus() {
        return status;
    }

    public boolean isFinished() {
        return !"RUNNING".equals(status);
    }

    public String getError() {
        return error;
    }

    public String getNewServerGroup() {
        return newServerGroup;
    }

    public List<String> getPreviousServerGroups() {
        return previousServerGroups;
    }

    public List<String> getDisabledServerGroups() {
        return disabledServerGroups;
    }

    public List<String> getDestroyedServerGroups() {
        return destroyedServerGroups;
    }

    public List<String> getScaledDownServerGroups() {
        return scaledDownServerGroups;
    }

    public List<String> getEnabledServerGroups() {
        return enabledServerGroups;
    }

    public String getImage() {
        return image;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public String getUpdatedAt() {
        return updatedAt;
    }

    public List<StepLine> getSteps() {
        return steps;
    }

    /** The record as plain JSON data. */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("type", type);
        m.put("step", step);
        m.put("account", account);
        m.put("cluster", cluster);
        m.put("strategy", strategy);
        m.put("status", status);
        m.put("error", error);
        m.put("newServerGroup", newServerGroup);
        m.put("previousServerGroups", previousServerGroups);
        m.put("disabledServerGroups", disabledServerGroups);
        m.put("destroyedServerGroups", destroyedServerGroups);
        m.put("scaledDownServerGroups", scaledDownServerGroups);
        m.put("enabledServerGroups", enabledServerGroups);
        m.put("image", image);
        m.put("startedAt", startedAt);
        m.put("updatedAt", updatedAt);
        m.put("steps", steps.stream().map(StepLine::toMap).toList());
        return m;
    }
}
