package io.jenkins.plugins.clusterdeploy.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudbees.jenkins.plugins.awscredentials.AmazonWebServicesCredentials;
import com.cloudbees.plugins.credentials.CredentialsDescriptor;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.util.FormValidation;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.provider.CloudProvider;
import io.clusterdeploy.provider.aws.AwsProviderFactory;
import io.jenkins.plugins.clusterdeploy.credentials.CredentialsSecretResolver;
import io.jenkins.plugins.clusterdeploy.credentials.SecretScrubber;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/** An aws account as the engine sees it: its settings, its credentials by id, and the provider built from them. */
class AwsAccountTest {

    /** A credential of the store: an id in the global scope, nothing else. */
    private abstract static class StoredCredential implements StandardCredentials {
        private static final long serialVersionUID = 1L;
        private final String id;

        StoredCredential(String id) {
            this.id = id;
        }

        @Override
        public String getId() {
            return id;
        }

        @Override
        public String getDescription() {
            return "";
        }

        @Override
        public CredentialsScope getScope() {
            return CredentialsScope.GLOBAL;
        }

        @Override
        public CredentialsDescriptor getDescriptor() {
            throw new UnsupportedOperationException();
        }
    }

    /** What the aws-credentials plugin's credentials are to the binding: a Jenkins credential and an SDK provider. */
    private static final class FakeAwsCredentials extends StoredCredential implements AmazonWebServicesCredentials {
        private static final long serialVersionUID = 1L;

        FakeAwsCredentials(String id) {
            super(id);
        }

        @Override
        public String getDisplayName() {
            return "AKIAFAKE";
        }

        @Override
        public AwsCredentials resolveCredentials(String mfaToken) {
            return resolveCredentials();
        }

        @Override
        public AwsCredentials resolveCredentials() {
            return AwsBasicCredentials.create("AKIAFAKE", "not-a-real-secret");
        }
    }

    private static AwsAccount account() {
        AwsAccount a = new AwsAccount(" prod-aws ");
        a.setRegions(Arrays.asList(" us-east-1 ", "", null, "eu-west-1"));
        a.setCredentialsId(" aws-deployer ");
        a.setRoleArn("arn:aws:iam::123456789012:role/cluster-deploy");
        a.setExternalId("cd-7f3a");
        a.setDeregistrationDelaySeconds(60);
        a.setAllowedJobs(List.of("team-a/*"));
        return a;
    }

    @Test
    void mapsToTheAwsProvidersSettingsWithTheCredentialsIdBesideThem() {
        AccountSpec spec = account().toSpec(null);
        assertThat(spec.name()).isEqualTo("prod-aws");
        assertThat(spec.type()).isEqualTo("aws");
        assertThat(spec.settings()).isEqualTo(Map.of("regions", List.of("us-east-1", "eu-west-1"),
                "assumeRole", Map.of("roleArn", "arn:aws:iam::123456789012:role/cluster-deploy", "externalId", "cd-7f3a"),
                "deregistrationDelaySeconds", 60));
        assertThat(spec.credentialsId()).isEqualTo("aws-deployer");
        assertThat(spec.providerSettings()).containsEntry("credentialsId", "aws-deployer");
        assertThat(spec.allowlistRequired()).isFalse();
        new AwsProviderFactory().validate(spec.name(), spec.providerSettings());
    }

    @Test
    void aProfileIsUsedOnlyWithoutCredentials() {
        AwsAccount a = new AwsAccount("prod");
        a.setRegions(List.of("us-east-1"));
        a.setProfile("deploy");
        assertThat(a.toSpec(null).settings()).containsEntry("credentials", Map.of("profile", "deploy"));
        a.setCredentialsId("aws-deployer");
        assertThat(a.toSpec(null).settings()).doesNotContainKey("credentials");
    }

    @Test
    void formChecksUseTheProvidersOwnRulesAndNameTheField() {
        AwsAccount bad = new AwsAccount("prod");
        bad.setRegions(List.of("mars-1"));
        FormValidation region = AwsAccountChecks.settings(bad);
        assertThat(region.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(region.getMessage()).contains("regions[0]").contains("mars-1");
        bad.setRegions(List.of("us-east-1"));
        bad.setRoleArn("cluster-deploy");
        assertThat(AwsAccountChecks.settings(bad).getMessage()).contains("assumeRole.roleArn");
        assertThat(AwsAccountChecks.settings(account()).kind).isEqualTo(FormValidation.Kind.OK);
    }

    @Test
    void theStoredAwsCredentialsAreHandedToTheProviderAsTheSdksCredentialsProvider() {
        FakeAwsCredentials stored = new FakeAwsCredentials("aws-deployer");
        CredentialsSecretResolver resolver = new CredentialsSecretResolver(id ->
                Optional.<StandardCredentials>ofNullable(id.equals("aws-deployer") ? stored : null));
        assertThat(resolver.resolveObject("credentialsId", "aws-deployer", AwsCredentialsProvider.class)).isSameAs(stored);
        SecretScrubber scrubber = new SecretScrubber(resolver);
        AccountSpec spec = account().toSpec(null);
        try (CloudProvider provider = new AwsProviderFactory().create(spec.name(), spec.providerSettings(), scrubber)) {
            assertThat(provider.account().locations()).containsExactly("us-east-1", "eu-west-1");
            assertThat(provider.account().toString()).doesNotContain("not-a-real-secret");
        }
        assertThatThrownBy(() -> resolver.resolveObject("credentialsId", "nope", AwsCredentialsProvider.class))
                .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.field()).isEqualTo("credentialsId");
                    assertThat(e.getMessage()).contains("no credentials with id 'nope'");
                });
    }

    @Test
    void credentialsOfAnotherKindAreRefusedNamingTheKind() {
        StandardCredentials other = new StoredCredential("text") {
            private static final long serialVersionUID = 1L;
        };
        CredentialsSecretResolver resolver = new CredentialsSecretResolver(id -> Optional.of(other));
        assertThatThrownBy(() -> resolver.resolveObject("accounts[prod].credentialsId", "text",
                AwsCredentialsProvider.class)).isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                    assertThat(e.field()).isEqualTo("accounts[prod].credentialsId");
                    assertThat(e.getMessage()).contains("not AwsCredentialsProvider");
                });
    }
}
