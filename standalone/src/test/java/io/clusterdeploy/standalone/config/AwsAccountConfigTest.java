package io.clusterdeploy.standalone.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.provider.Accounts;
import io.clusterdeploy.engine.provider.ProviderTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An aws account in the standalone YAML: built without a network call, its regions its locations, its keys env refs. */
class AwsAccountConfigTest {
    @TempDir
    Path tmp;

    private final ProviderTypes types = ProviderTypes.discover(ProviderTypes.class.getClassLoader());

    private StandaloneConfig load(String yaml) throws IOException {
        Path file = tmp.resolve("config.yaml");
        Files.writeString(file, yaml);
        return new ConfigLoader(types).load(file);
    }

    @Test
    void anAwsAccountIsBuiltWithItsRegionsAsLocations() throws IOException {
        StandaloneConfig config = load("""
                accounts:
                  - name: prod-aws
                    type: aws
                    regions: [us-east-1, eu-west-1]
                    credentials: {accessKeyId: env:CD_AWS_KEY, secretAccessKey: env:CD_AWS_SECRET}
                    assumeRole: {roleArn: "arn:aws:iam::123456789012:role/cluster-deploy", externalId: cd-1}
                    deregistrationDelaySeconds: 60
                """);
        Map<String, String> env = Map.of("CD_AWS_KEY", "AKIAEXAMPLE", "CD_AWS_SECRET", "example-secret");
        try (Accounts accounts = new AccountsBuilder(types, new EnvSecretResolver(env::get)).build(config, "config.yaml")) {
            assertThat(accounts.list()).singleElement().satisfies(a -> {
                assertThat(a.provider()).isEqualTo("aws");
                assertThat(a.locations()).containsExactly("us-east-1", "eu-west-1");
                assertThat(a.toString()).doesNotContain("example-secret");
            });
        }
    }

    @Test
    void badAwsSettingsAreNamedByTheirPositionInTheFile() throws IOException {
        StandaloneConfig config = load("""
                accounts:
                  - {name: prod-aws, type: aws, regions: [mars-1]}
                """);
        ClusterDeployException e = catchThrowableOfType(ClusterDeployException.class, () ->
                new AccountsBuilder(types, EnvSecretResolver.system()).build(config, "config.yaml"));
        assertThat(e.field()).isEqualTo("accounts[0].regions[0]");
        assertThat(e.getMessage()).contains("unknown AWS region 'mars-1'");
    }

    @Test
    void aMissingEnvironmentVariableNamesTheCredentialsField() throws IOException {
        StandaloneConfig config = load("""
                accounts:
                  - name: prod-aws
                    type: aws
                    regions: [us-east-1]
                    credentials: {accessKeyId: env:CD_AWS_KEY, secretAccessKey: env:CD_AWS_SECRET}
                """);
        ClusterDeployException e = catchThrowableOfType(ClusterDeployException.class, () ->
                new AccountsBuilder(types, new EnvSecretResolver(Map.of("CD_AWS_KEY", "AKIAEXAMPLE")::get))
                        .build(config, "config.yaml"));
        assertThat(e.field()).isEqualTo("accounts[0].credentials.secretAccessKey");
        assertThat(e.getMessage()).contains("CD_AWS_SECRET");
    }
}
