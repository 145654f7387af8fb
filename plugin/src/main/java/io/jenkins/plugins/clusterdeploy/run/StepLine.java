package io.jenkins.plugins.clusterdeploy.run;

import io.clusterdeploy.engine.operation.StepRecord;
import java.util.LinkedHashMap;
import java.util.Map;

/** One line of an operation's timeline, as the build summary keeps it (strings only, for build.xml). */
public final class StepLine {
    private final String name;
    private final String phase;
    private final String status;
    private final String startedAt;
    private final String endedAt;
    private final String message;

    public StepLine(String name, String phase, String status, String startedAt, String endedAt, String message) {
        this.name = name;
        this.phase = phase;
        this.status = status;
        this.startedAt = startedAt;
        this.endedAt = endedAt;
        this.message = message;
    }

    static StepLine of(StepRecord r) {
        return new StepLine(r.name(), r.phase().id(), r.status().name(), r.startedAt() == null ? null : r.startedAt().toString(),
                r.endedAt() == null ? null : r.endedAt().toString(), r.message());
    }

    public String getName() {
        return name;
    }

    public String getPhase() {
        return phase;
    }

    public String getStatus() {
        return status;
    }

    public String getStartedAt() {
        return startedAt;
    }

    public String getEndedAt() {
        return endedAt;
    }

    public String getMessage() {
        return message;
    }

    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("phase", phase);
        m.put("status", status);
        m.put("startedAt", startedAt);
        m.put("endedAt", endedAt);
        m.put("message", message);
        return m;
    }
}
