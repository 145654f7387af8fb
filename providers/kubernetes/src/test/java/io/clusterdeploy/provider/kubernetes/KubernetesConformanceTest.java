package io.clusterdeploy.provider.kubernetes;

import io.clusterdeploy.engine.conformance.ConformanceFixture;
import io.clusterdeploy.engine.conformance.ProviderConformanceTest;
import java.time.Duration;

/**
 * The provider conformance suite on the simulated cluster: real sample-app pods behind a kube-proxy that acts on
 * EndpointSlice changes 1 s late, as a real one does; the account waits 2 s for that after each disable.
 */
class KubernetesConformanceTest extends ProviderConformanceTest {
    @Override
    protected ConformanceFixture createFixture() {
        return new KubernetesFixture(Duration.ofSeconds(1), 2);
    }
}
