package io.clusterdeploy.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.provider.ProviderTypes;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Account settings: every bad value is an error naming its field, found without touching the network. */
class AwsSettingsTest {
    private static Map<String, Object> with(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        m.put("regions", List.of("us-east-1"));
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    private static void refused(Map<String, Object> settings, String field, String text) {
        assertThatThrownBy(() -> new AwsProviderFactory().validate("prod", settings))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).contains(text);
                });
    }

    @Test
    void theProviderIsFoundByItsType() {
        assertThat(ProviderTypes.discover(getClass().getClassLoader()).get("aws")).get()
                .isInstanceOf(AwsProviderFactory.class);
    }

    @Test
    void defaultsAndEveryCredentialsSource() {
        AwsSettings s = AwsSettings.parse("prod", with());
        assertThat(s.credentials()).isInstanceOf(CredentialsSource.DefaultChain.class);
        assertThat(s.retries()).isEqualTo(RetrySettings.DEFAULTS);
        assertThat(s.deregistrationDelaySeconds()).isEqualTo(300);
        assertThat(AwsSettings.parse("prod", with("credentials", Map.of("profile", "deploy"))).credentials())
                .isEqualTo(new CredentialsSource.Profile("deploy"));
        assertThat(AwsSettings.parse("prod", with("credentials", Map.of("accessKeyId", "env:A",
                "secretAccessKey", "env:B"))).credentials()).isEqualTo(new CredentialsSource.StaticKeys("env:A", "env:B", null));
        assertThat(AwsSettings.parse("prod", with("credentialsId", "aws-prod")).credentials())
                .isEqualTo(new CredentialsSource.StoredCredentials("aws-prod"));
        AwsSettings role = AwsSettings.parse("prod", with("assumeRole", Map.of("roleArn",
                "arn:aws:iam::123456789012:role/deploy", "externalId", "x-1")));
        assertThat(role.assumeRole()).isEqualTo(new AssumeRole("arn:aws:iam::123456789012:role/deploy", "x-1",
                "cluster-deploy", 3600));
    }

    @Test
    void badSettingsNameTheirField() {
        refused(Map.of(), "accounts[prod].regions", "is required");
        refused(with("regions", List.of("mars-1")), "accounts[prod].regions[0]", "unknown AWS region 'mars-1'");
        refused(with("regions", List.of("us-east-1", "us-east-1")), "accounts[prod].regions[1]", "twice");
        refused(with("endpoint", "ftp://x"), "accounts[prod].endpoint", "http or https");
        refused(with("credentials", Map.of("profile", "p"), "credentialsId", "x"), "accounts[prod].credentials", "not both");
        refused(with("credentials", Map.of("accessKeyId", "env:A")), "accounts[prod].credentials.secretAccessKey",
                "is required");
        refused(with("credentials", Map.of("type", "magic")), "accounts[prod].credentials.type", "static, profile or default");
        refused(with("credentials", Map.of("profile", "bad profile")), "accounts[prod].credentials.profile", "not a valid");
        refused(with("assumeRole", Map.of("roleArn", "deploy")), "accounts[prod].assumeRole.roleArn", "not an IAM role ARN");
        refused(with("assumeRole", Map.of("roleArn", "arn:aws:iam::123456789012:role/d", "durationSeconds", 60)),
                "accounts[prod].assumeRole.durationSeconds", "between 900 and 43200");
        refused(with("retries", Map.of("maxAttempts", 0)), "accounts[prod].retries.maxAttempts", "between 1 and 20");
        refused(with("deregistrationDelaySeconds", 4000), "accounts[prod].deregistrationDelaySeconds", "between 0 and 3600");
        refused(with("regoins", List.of("x")), "accounts[prod].regoins", "unknown field");
    }

    @Test
    void aRegionTheSdkDoesNotKnowIsAllowedWithAnEndpointOfItsOwn() {
        assertThat(AwsSettings.parse("prod", with("regions", List.of("local-1"), "endpoint", "http://127.0.0.1:4566"))
                .regions()).containsExactly("local-1");
    }

    @Test
    void storedCredentialsNeedAFrontEndThatHoldsThem() {
        assertThatThrownBy(() -> new AwsProviderFactory().create("prod", with("credentialsId", "aws-prod"),
                SecretResolver.NONE)).isInstanceOfSatisfying(ClusterDeployException.class, e ->
                        assertThat(e.field()).isEqualTo("accounts[prod].credentialsId"));
    }

    @Test
    void retriesAreExplicitAboutWhatTheyRetry() {
        var throttled = software.amazon.awssdk.awscore.exception.AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("Throttling").build()).build();
        var invalid = software.amazon.awssdk.awscore.exception.AwsServiceException.builder().statusCode(400)
                .awsErrorDetails(software.amazon.awssdk.awscore.exception.AwsErrorDetails.builder()
                        .errorCode("ValidationError").build()).build();
        var unavailable = software.amazon.awssdk.awscore.exception.AwsServiceException.builder().statusCode(503).build();
        var noCode = software.amazon.awssdk.awscore.exception.AwsServiceException.builder().statusCode(401).build();
        var dropped = software.amazon.awssdk.core.exception.SdkClientException.create("x",
                new java.net.SocketException("Connection reset"));
        assertThat(RetryPolicy.isRetryable(throttled)).isTrue();
        assertThat(RetryPolicy.isThrottling(throttled)).isTrue();
        assertThat(RetryPolicy.isRetryable(unavailable)).isTrue();
        assertThat(RetryPolicy.isRetryable(dropped)).isTrue();
        assertThat(RetryPolicy.isRetryable(invalid)).isFalse();
        assertThat(RetryPolicy.isRetryable(noCode)).isFalse();
    }
}
