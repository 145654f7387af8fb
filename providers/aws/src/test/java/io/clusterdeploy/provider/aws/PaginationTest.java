package io.clusterdeploy.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Reads page through every result: more Auto Scaling groups than one page holds all reach the cluster view. */
class PaginationTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    @Test
    void aRegionWithMoreGroupsThanAPageShowsThemAll() {
        try (AwsFixture fx = new AwsFixture(MOTO.server(), Map.of("cache", Map.of("refreshSeconds", 3600)))) {
            String template = fx.moto.ec2.createLaunchTemplate(r -> r.launchTemplateName("paged").launchTemplateData(d -> d
                    .imageId(fx.imageId).instanceType("t3.micro"))).launchTemplate().launchTemplateId();
            for (int i = 0; i < 130; i++) {
                String name = String.format("hello-paged-v%03d", i);
                fx.moto.autoScaling.createAutoScalingGroup(r -> r.autoScalingGroupName(name).minSize(0).maxSize(0)
                        .desiredCapacity(0).vpcZoneIdentifier(fx.subnets.get(0))
                        .launchTemplate(lt -> lt.launchTemplateId(template).version("1")));
            }
            fx.proxy.clearCounts();
            fx.provider.refresh();
            assertThat(fx.provider.serverGroups("hello")).hasSize(130);
            var pages = fx.proxy.calls().stream().filter(c -> c.action().equals("DescribeAutoScalingGroups")).toList();
            assertThat(pages).as("one call per page of at most 100").hasSizeGreaterThanOrEqualTo(2);
            assertThat(pages.get(pages.size() - 1).params()).containsKey("NextToken");
            assertThat(fx.proxy.unimplemented()).isEmpty();
        }
    }
}
