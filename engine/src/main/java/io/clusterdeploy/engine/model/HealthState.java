package io.clusterdeploy.engine.model;

/** Spinnaker's instance health states. */
public enum HealthState {
    /** Passing health checks and eligible for traffic. */
    UP,
    /** Failing health checks. */
    DOWN,
    /** Launched, not yet passed a health check. */
    STARTING,
    /** Healthy but taken out of traffic (its server group is disabled). */
    OUT_OF_SERVICE,
    /** Health not known (not checked yet, or the check could not run). */
    UNKNOWN
}
