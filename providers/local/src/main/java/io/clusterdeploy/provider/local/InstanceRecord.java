package io.clusterdeploy.provider.local;

import java.time.Instant;

/**
 * One instance as recorded in its server group's record: enough for a later provider to find its
 * process again and to tell it apart from another process that reuses the pid.
 *
 * @param id           instance id, {@code <group>-<number>}; the process's command line names it
 * @param number       position in its group's launch order
 * @param port         the loopback port it serves on
 * @param pid          its operating-system process id
 * @param startInstant when the operating system says the process started, or null when it could not tell
 *                     (such an instance can never be adopted)
 * @param launched     when the provider launched it, as shown in the cluster view
 * @param inRotation   whether it takes traffic from its load balancers (partial disable keeps some out)
 */
record InstanceRecord(String id, int number, int port, long pid, Instant startInstant, Instant launched,
                      boolean inRotation) {

    InstanceRecord {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id is required");
        }
        if (number < 1) {
            throw new IllegalArgumentException("number must be at least 1, was " + number);
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 1 and 65535, was " + port);
        }
        if (pid < 1) {
            throw new IllegalArgumentException("pid must be positive, was " + pid);
        }
        if (launched == null) {
            throw new IllegalArgumentException("launched is required");
        }
    }
}
