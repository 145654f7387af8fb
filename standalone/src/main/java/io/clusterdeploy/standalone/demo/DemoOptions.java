package io.clusterdeploy.standalone.demo;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the demo runs.
 *
 * @param port             API port, 0 for any free one
 * @param stateDir         state dir, or null for a fresh temporary one
 * @param instances        instances per server group
 * @param loadThreads      client threads driving load through the load balancer
 * @param loadBefore       load before the red/black deploy starts
 * @param loadAfter        load after it completes
 * @param operationTimeout how long one operation may take
 */
public record DemoOptions(int port, Path stateDir, int instances, int loadThreads, Duration loadBefore,
                         Duration loadAfter, Duration operationTimeout) {

    public DemoOptions {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--port must be between 0 and 65535, was " + port);
        }
        if (instances < 1 || instances > 20) {
            throw new IllegalArgumentException("instances must be between 1 and 20, was " + instances);
        }
    }

    public static DemoOptions defaults(int port, Path stateDir) {
        return new DemoOptions(port, stateDir, 3, 3, Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofMinutes(3));
    }
}
