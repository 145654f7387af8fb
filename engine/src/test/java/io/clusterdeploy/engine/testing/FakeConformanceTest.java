package io.clusterdeploy.engine.testing;

import io.clusterdeploy.engine.conformance.ConformanceFixture;
import io.clusterdeploy.engine.conformance.ProviderConformanceTest;
import io.clusterdeploy.engine.conformance.TrafficProbe;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.CloudProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The conformance suite against the in-memory provider: it checks the suite itself is sound. */
class FakeConformanceTest extends ProviderConformanceTest {

    @Override
    protected ConformanceFixture createFixture() {
        FakeCloudProvider cloud = new FakeCloudProvider("fake");
        AtomicInteger next = new AtomicInteger();
        return new ConformanceFixture() {
            @Override
            public CloudProvider provider() {
                return cloud;
            }

            @Override
            public String location() {
                return "fake-1";
            }

            @Override
            public Map<String, Object> spec(String version, boolean healthy) {
                return Map.of("version", version, "healthy", healthy);
            }

            @Override
            public Map<String, Object> loadBalancerSpec() {
                return Map.of();
            }

            /** Routes like a load balancer: round robin over up instances of enabled, associated groups. */
            @Override
            public TrafficProbe.Answer probe(LoadBalancer lb) {
                List<String> versions = cloud.serverGroups("hello").stream()
                        .filter(sg -> sg.enabled() && sg.loadBalancers().contains(lb.name()))
                        .flatMap(sg -> sg.instances().stream().filter(i -> i.isUp()).map(i -> sg.artifact()))
                        .toList();
                return versions.isEmpty() ? TrafficProbe.Answer.failure("503")
                        : TrafficProbe.Answer.success(versions.get(Math.floorMod(next.getAndIncrement(), versions.size())));
            }

            @Override
            public boolean nothingLeftRunning(ServerGroup destroyed) {
                return cloud.serverGroup("fake-1", destroyed.name()).isEmpty();
            }

            @Override
            public void close() {
                cloud.close();
            }
        };
    }
}
