package io.clusterdeploy.engine.model;

import java.time.Instant;
import java.util.Objects;

/**
 * One member of a server group.
 *
 * @param id       provider-unique id (a process id, a pod name, an EC2 instance id)
 * @param health   current health
 * @param address  host:port where the instance serves, or null when unknown
 * @param launched when it was started, or null when unknown
 */
public record Instance(String id, HealthState health, String address, Instant launched) {
    public Instance {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(health, "health");
    }

    public boolean isUp() {
        return health == HealthState.UP;
    }
}
