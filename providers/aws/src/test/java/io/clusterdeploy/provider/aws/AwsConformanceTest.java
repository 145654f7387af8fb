package io.clusterdeploy.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.conformance.ConformanceFixture;
import io.clusterdeploy.engine.conformance.ProviderConformanceTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The provider conformance suite on moto, with the simulated data plane routing real requests to real sample-app
 * processes through each listener: red/black, rolling red/black, rollbackCluster, cancel and a never-healthy
 * rollback under continuous load, with zero failed requests.
 */
class AwsConformanceTest extends ProviderConformanceTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    @Override
    protected ConformanceFixture createFixture() {
        return new AwsFixture(MOTO.server());
    }

    @AfterEach
    void noUnimplementedCall(TestInfo info) {
        AwsFixture aws = (AwsFixture) fx;
        System.out.println("CALLS " + info.getDisplayName() + ": " + aws.proxy.total() + " " + aws.proxy.counts());
        assertThat(aws.proxy.unimplemented()).as("calls moto does not implement or failed on").isEmpty();
    }
}
