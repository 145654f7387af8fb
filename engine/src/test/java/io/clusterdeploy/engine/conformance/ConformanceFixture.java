package io.clusterdeploy.engine.conformance;

import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.CloudProvider;
import java.util.Map;

/**
 * What the provider conformance suite needs to know about one provider: how to run a healthy or
 * a never-healthy version, and how to ask "which version answers?" through a load balancer.
 * Everything else goes through the SPI.
 */
public interface ConformanceFixture extends AutoCloseable {

    /** The provider under test, for an account the fixture created. */
    CloudProvider provider();

    /** The location server groups go to. */
    String location();

    /** Provider deploy spec for a version of the sample app; {@code healthy=false} never passes health checks. */
    Map<String, Object> spec(String version, boolean healthy);

    /** Provider settings for a load balancer the suite creates. */
    Map<String, Object> loadBalancerSpec();

    /** Sends one request through the load balancer, as a client would. */
    TrafficProbe.Answer probe(LoadBalancer loadBalancer);

    /** True once nothing of the group is left running (processes, pods, instances). */
    boolean nothingLeftRunning(ServerGroup destroyed);

    /** How long a healthy instance may take to come up here, for deploy timeouts. */
    default int deployTimeoutSec() {
        return 120;
    }

    @Override
    void close();
}
