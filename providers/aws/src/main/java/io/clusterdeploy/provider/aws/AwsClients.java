package io.clusterdeploy.provider.aws;

import java.net.URI;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients of one region, all with the account's credentials, the explicit retry policy and the endpoint
 * override. The HTTP client is the one the SDK finds on the class path (url-connection here, Apache in Jenkins'
 * aws-java-sdk2 plugins), so nothing here names one.
 */
final class AwsClients implements AutoCloseable {
    final String region;
    final Ec2Client ec2;
    final AutoScalingClient autoScaling;
    final ElasticLoadBalancingV2Client elb;
    /**
     * Without the SDK's retries: for the creates a blind retry could repeat (AWS answers an identical
     * CreateLoadBalancer or CreateListener with the one it made; moto makes another). {@link Idempotent#createOnce}
     * retries them itself, reading back before each further attempt.
     */
    final ElasticLoadBalancingV2Client elbOnce;
    final RetrySettings retries;
    /** Read only: the {@code cloudwatch} metric source's GetMetricData. */
    final CloudWatchClient cloudWatch;

    AwsClients(String region, AwsCredentialsProvider credentials, URI endpoint, RetrySettings retries) {
        this.region = region;
        this.ec2 = configure(Ec2Client.builder(), region, credentials, endpoint, retries).build();
        this.autoScaling = configure(AutoScalingClient.builder(), region, credentials, endpoint, retries).build();
        this.elb = configure(ElasticLoadBalancingV2Client.builder(), region, credentials, endpoint, retries).build();
        this.elbOnce = configure(ElasticLoadBalancingV2Client.builder(), region, credentials, endpoint,
                new RetrySettings(1, retries.baseDelay(), retries.maxDelay(), retries.throttlingBase(),
                        retries.attemptTimeout())).build();
        this.retries = retries;
        this.cloudWatch = configure(CloudWatchClient.builder(), region, credentials, endpoint, retries).build();
    }

    static StsClient sts(String region, AwsCredentialsProvider credentials, URI endpoint, RetrySettings retries) {
        return configure(StsClient.builder(), region, credentials, endpoint, retries).build();
    }

    static <B extends AwsClientBuilder<B, ?>> B configure(B builder, String region, AwsCredentialsProvider credentials,
                                                          URI endpoint, RetrySettings retries) {
        builder.region(Region.of(region))
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .retryStrategy(RetryPolicy.strategy(retries))
                        .apiCallAttemptTimeout(retries.attemptTimeout())
                        // Every attempt and every backoff, with room to spare; never unbounded.
                        .apiCallTimeout(retries.attemptTimeout().multipliedBy(retries.maxAttempts())
                                .plus(retries.maxDelay().multipliedBy(retries.maxAttempts())).plus(Duration.ofSeconds(5)))
                        .build());
        if (endpoint != null) {
            builder.endpointOverride(endpoint);
        }
        return builder;
    }

    @Override
    public void close() {
        ec2.close();
        autoScaling.close();
        elb.close();
        elbOnce.close();
        cloudWatch.close();
    }
}
