package io.clusterdeploy.provider.aws;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;

/**
 * Clients straight to moto, past the counting proxy, without retries: what the tests and the simulated data plane
 * use to look at moto's state. The provider never uses these.
 */
final class Moto implements AutoCloseable {
    static final String REGION = "us-east-1";
    final Ec2Client ec2;
    final AutoScalingClient autoScaling;
    final ElasticLoadBalancingV2Client elb;

    Moto(String endpoint) {
        this(endpoint, "testing", "testing");
    }

    @SuppressWarnings("deprecation")
    Moto(String endpoint, String keyId, String secret) {
        var creds = StaticCredentialsProvider.create(AwsBasicCredentials.create(keyId, secret));
        var config = ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build();
        URI uri = URI.create(endpoint);
        ec2 = Ec2Client.builder().region(Region.of(REGION)).credentialsProvider(creds).endpointOverride(uri)
                .overrideConfiguration(config).build();
        autoScaling = AutoScalingClient.builder().region(Region.of(REGION)).credentialsProvider(creds)
                .endpointOverride(uri).overrideConfiguration(config).build();
        elb = ElasticLoadBalancingV2Client.builder().region(Region.of(REGION)).credentialsProvider(creds)
                .endpointOverride(uri).overrideConfiguration(config).build();
    }

    /** How many of each resource moto holds: what "nothing was created" is checked against. */
    java.util.Map<String, Integer> inventory() {
        java.util.Map<String, Integer> out = new java.util.TreeMap<>();
        out.put("autoScalingGroups", autoScaling.describeAutoScalingGroups().autoScalingGroups().size());
        out.put("launchTemplates", ec2.describeLaunchTemplates().launchTemplates().size());
        out.put("targetGroups", elb.describeTargetGroups().targetGroups().size());
        out.put("loadBalancers", elb.describeLoadBalancers().loadBalancers().size());
        out.put("securityGroups", ec2.describeSecurityGroups().securityGroups().size());
        out.put("instances", (int) ec2.describeInstances().reservations().stream().flatMap(r -> r.instances().stream())
                .filter(i -> !i.state().nameAsString().equals("terminated")).count());
        return out;
    }

    @Override
    public void close() {
        ec2.close();
        autoScaling.close();
        elb.close();
    }
}
