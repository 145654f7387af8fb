package io.clusterdeploy.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.engine.model.Capacity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How many AWS calls each provider operation makes on moto, counted by the proxy, against the budget that
 * docs/performance.md states beside the minimal sequence. One region, one target group behind one listener, two
 * instances per group. The table is also written to target/aws-call-counts.md.
 */
class CallCountTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();

    private final List<String> rows = new ArrayList<>();
    private final List<String> overBudget = new ArrayList<>();

    private Map<String, Integer> measure(AwsFixture fx, String operation, int budget, Runnable op) {
        fx.proxy.clearCounts();
        op.run();
        Map<String, Integer> counts = new TreeMap<>(fx.proxy.counts());
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        rows.add("| " + operation + " | " + total + " | " + budget + " | " + counts.toString().replace("{", "")
                .replace("}", "").replace("autoscaling:", "").replace("ec2:", "").replace("elasticloadbalancing:", "")
                + " |");
        if (total > budget) {
            overBudget.add(operation + ": " + total + " > " + budget + " " + counts);
        }
        return counts;
    }

    @Test
    void eachOperationStaysWithinItsBudgetOfCalls() throws IOException {
        try (AwsFixture fx = new AwsFixture(MOTO.server(), Map.of("cache", Map.of("refreshSeconds", 3600,
                "serverGroupReadMillis", 0)))) {
            measure(fx, "upsertLoadBalancer (new target group, ALB and listener)", 16,
                    () -> ProviderCalls.loadBalancer(fx, 2));
            measure(fx, "createServerGroup, first of its cluster", 22, () -> fx.provider.createServerGroup(
                    ProviderCalls.request(fx, "hello-prod-v000", Capacity.fixed(2), fx.spec("v1", true))));
            ProviderCalls.awaitUp(fx, "hello-prod-v000", 2);
            measure(fx, "createServerGroup, with a source group to copy from", 22, () -> fx.provider.createServerGroup(
                    ProviderCalls.request(fx, "hello-prod-v001", Capacity.fixed(2), fx.spec("v2", true))));
            ProviderCalls.awaitUp(fx, "hello-prod-v001", 2);
            Map<String, Integer> read = measure(fx, "serverGroup (a read past its cache interval)", 2,
                    () -> fx.provider.serverGroup(Moto.REGION, "hello-prod-v001"));
            assertThat(read).containsOnlyKeys("autoscaling:DescribeAutoScalingGroups", "elasticloadbalancing:DescribeTargetHealth");
            measure(fx, "disable 100%", 8, () -> fx.provider.disable(Moto.REGION, "hello-prod-v000", 100));
            measure(fx, "resize of a disabled group", 11, () -> fx.provider.resize(Moto.REGION, "hello-prod-v000",
                    new Capacity(1, 1, 2)));
            measure(fx, "enable", 6, () -> fx.provider.enable(Moto.REGION, "hello-prod-v000"));
            measure(fx, "disable 50%", 6, () -> fx.provider.disable(Moto.REGION, "hello-prod-v001", 50));
            measure(fx, "resize of an enabled group", 6, () -> fx.provider.resize(Moto.REGION, "hello-prod-v001",
                    new Capacity(2, 3, 3)));
            measure(fx, "destroy", 6, () -> fx.provider.destroy(Moto.REGION, "hello-prod-v000"));
            Map<String, Integer> refresh = measure(fx, "full refresh of the region (1 group, 1 target group, 1 ALB,"
                    + " 1 listener)", 9, fx.provider::refresh);
            assertThat(refresh).containsEntry("autoscaling:DescribeAutoScalingGroups", 1)
                    .containsEntry("elasticloadbalancing:DescribeTargetHealth", 1);
            assertThat(fx.proxy.unimplemented()).isEmpty();
        }
        String table = "| operation | calls | budget | by action |\n|---|---|---|---|\n" + String.join("\n", rows) + "\n";
        System.out.println(table);
        Path out = Path.of("target", "aws-call-counts.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        assertThat(overBudget).as("operations over their budget").isEmpty();
    }
}
