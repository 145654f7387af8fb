package io.clusterdeploy.engine.provider;

import io.clusterdeploy.engine.model.HealthState;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a cloud can tell about one instance beyond its {@link io.clusterdeploy.engine.model.Instance}: each health
 * check's latest verdict and the cloud's own facts (a process id, a pod's node, an availability zone). Asked for one
 * instance at a time, when a user opens it, so it never weighs on the cluster reads.
 *
 * @param healthChecks the checks that decide the instance's health, in the order the cloud runs them
 * @param facts        label → value, in display order; never a secret, an environment value or a command line
 */
public record InstanceDetails(List<HealthCheck> healthChecks, Map<String, String> facts) {
    /** Nothing beyond the model: what a cloud that tells no more answers. */
    public static final InstanceDetails NONE = new InstanceDetails(List.of(), Map.of());

    public InstanceDetails {
        healthChecks = List.copyOf(healthChecks);
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    /**
     * One health check and its latest verdict.
     *
     * @param type      how it checks, e.g. {@code http}
     * @param target    what it asks, e.g. {@code GET http://127.0.0.1:8080/health}
     * @param state     its verdict: UP (passing), DOWN (failing), UNKNOWN (not run yet)
     * @param detail    what the last check saw ({@code HTTP 200}, {@code connection refused}), or null
     * @param checkedAt when it last ran, or null when it has not yet
     */
    public record HealthCheck(String type, String target, HealthState state, String detail, Instant checkedAt) {
        public HealthCheck {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(state, "state");
        }
    }
}
