package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.naming.ServerGroupName;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A server group as recorded under {@code <stateDir>/server-groups/<name>.json}: everything a later
 * provider needs to carry on with it. Checked when read back, so that a damaged record is refused
 * rather than half-used.
 *
 * @param format             record format version, {@link #FORMAT}
 * @param name               the server group's name
 * @param capacity           desired capacity, converged towards after a restart
 * @param spec               the deploy spec in its request form ({@link DeploySpec#toMap()}); env values as given
 * @param loadBalancers      the load balancers it is associated with
 * @param securityGroups     always empty for local groups; kept for the shape of the model
 * @param tags               its tags
 * @param createdTime        creation time, the basis for "newest"
 * @param disabled           disabled as a whole: instances started later stay out of rotation too
 * @param destroying         a destroy began and may not have finished; the next provider completes it
 * @param lastInstanceNumber the highest instance number ever used, so that ids are never reused
 * @param instances          its instances, oldest first
 */
record ServerGroupRecord(int format, String name, Capacity capacity, Map<String, Object> spec,
                         List<String> loadBalancers, List<String> securityGroups, Map<String, String> tags,
                         Instant createdTime, boolean disabled, boolean destroying, int lastInstanceNumber,
                         List<InstanceRecord> instances) {
    static final int FORMAT = 1;

    ServerGroupRecord {
        if (format != FORMAT) {
            throw new IllegalArgumentException("format must be " + FORMAT + ", was " + format);
        }
        ServerGroupName.parse(name);
        if (capacity == null) {
            throw new IllegalArgumentException("capacity is required");
        }
        if (spec == null) {
            throw new IllegalArgumentException("spec is required");
        }
        DeploySpec.parse(spec);
        if (createdTime == null) {
            throw new IllegalArgumentException("createdTime is required");
        }
        // Not Map.copyOf: a spec may hold nulls for absent options, which DeploySpec.parse accepts.
        spec = Collections.unmodifiableMap(new LinkedHashMap<>(spec));
        loadBalancers = loadBalancers == null ? List.of() : List.copyOf(loadBalancers);
        securityGroups = securityGroups == null ? List.of() : List.copyOf(securityGroups);
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        instances = instances == null ? List.of() : List.copyOf(instances);
        Set<String> ids = new HashSet<>();
        for (InstanceRecord instance : instances) {
            if (!ids.add(instance.id())) {
                throw new IllegalArgumentException("instance " + instance.id() + " is listed twice");
            }
            lastInstanceNumber = Math.max(lastInstanceNumber, instance.number());
        }
    }

    /** The record of a group about to be created: no instances yet. */
    static ServerGroupRecord created(String name, Capacity capacity, DeploySpec spec, List<String> loadBalancers,
                                     Map<String, String> tags, Instant createdTime) {
        return new ServerGroupRecord(FORMAT, name, capacity, spec.toMap(), loadBalancers, List.of(), tags,
                createdTime, false, false, 0, List.of());
    }

    /** The deploy spec, parsed (the constructor has checked that it parses). */
    DeploySpec deploySpec() {
        return DeploySpec.parse(spec);
    }
}
