package io.clusterdeploy.provider.local;

import io.clusterdeploy.engine.conformance.ConformanceFixture;
import io.clusterdeploy.engine.conformance.ProviderConformanceTest;
import io.clusterdeploy.engine.conformance.TrafficProbe;
import io.clusterdeploy.engine.model.Instance;
import io.clusterdeploy.engine.model.LoadBalancer;
import io.clusterdeploy.engine.model.ServerGroup;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The provider conformance suite on real processes behind the real embedded load balancer. */
class LocalConformanceTest extends ProviderConformanceTest {

    @Override
    protected ConformanceFixture createFixture() throws IOException {
        Path stateDir = Files.createTempDirectory("cluster-deploy-conformance");
        LocalProvider provider = (LocalProvider) new LocalProviderFactory().create("local",
                Map.of("stateDir", stateDir.toString(), "healthCheckIntervalMillis", 100), SecretResolver.NONE);
        Http http = new Http();
        return new ConformanceFixture() {
            @Override
            public CloudProvider provider() {
                return provider;
            }

            @Override
            public String location() {
                return "local";
            }

            @Override
            public Map<String, Object> spec(String version, boolean healthy) {
                List<String> command = healthy ? SampleApp.command(version) : SampleApp.command(version, "--never-healthy");
                return Map.of("command", command, "healthCheckPath", "/health");
            }

            @Override
            public Map<String, Object> loadBalancerSpec() {
                return Map.of("port", ProviderFixture.freePort());
            }

            @Override
            public TrafficProbe.Answer probe(LoadBalancer lb) {
                Http.Answer a = http.get(lb.address(), "/");
                return a.status() / 100 == 2 ? TrafficProbe.Answer.success(a.version())
                        : TrafficProbe.Answer.failure(a.status() + " " + a.body());
            }

            @Override
            public boolean nothingLeftRunning(ServerGroup destroyed) {
                return destroyed.instances().stream().map(Instance::id).allMatch(id -> Processes.pidOf(id).isEmpty());
            }

            @Override
            public void close() {
                provider.close();
            }
        };
    }
}
