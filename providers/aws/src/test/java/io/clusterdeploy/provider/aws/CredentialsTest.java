package io.clusterdeploy.provider.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.error.ErrorKind;
import io.clusterdeploy.engine.model.Capacity;
import io.clusterdeploy.engine.provider.SecretResolver;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Credentials against a moto that checks them: moto's IAM enforcement is switched on (POST /moto-api/reset-auth), so
 * requests must be signed by a known access key and allowed by its user's policy. moto checks actions, and evaluates
 * every resource as {@code *}, so the documented policy's actions are proven here, its resources are not.
 */
class CredentialsTest {
    @RegisterExtension
    static final MotoExtension MOTO = new MotoExtension();
    private static final Pattern KEY_ID = Pattern.compile("<AccessKeyId>([^<]+)</AccessKeyId>");
    private static final Pattern SECRET = Pattern.compile("<SecretAccessKey>([^<]+)</SecretAccessKey>");

    private final HttpClient http = HttpClient.newHttpClient();
    private AwsFixture fx;

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (fx != null) {
                fx.close();
            }
        } finally {
            post("/moto-api/reset-auth", "inf");
        }
    }

    private String post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(MOTO.server().endpoint() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private String iam(Map<String, String> params) throws IOException, InterruptedException {
        String form = params.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(),
                StandardCharsets.UTF_8)).collect(Collectors.joining("&")) + "&Version=2010-05-08";
        return http.send(HttpRequest.newBuilder(URI.create(MOTO.server().endpoint() + "/"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDSETUP/20260101/us-east-1/iam/aws4_request,"
                        + " SignedHeaders=host, Signature=0")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** An IAM user with an access key and one inline policy; returns {keyId, secret}. Three unauthenticated calls. */
    private String[] user(String name, String policy) throws Exception {
        iam(Map.of("Action", "CreateUser", "UserName", name));
        String key = iam(Map.of("Action", "CreateAccessKey", "UserName", name));
        iam(Map.of("Action", "PutUserPolicy", "UserName", name, "PolicyName", "cluster-deploy", "PolicyDocument", policy));
        Matcher id = KEY_ID.matcher(key);
        Matcher secret = SECRET.matcher(key);
        assertThat(id.find() && secret.find()).as("access key in %s", key).isTrue();
        return new String[] {id.group(1), secret.group(1)};
    }

    static String documentedPolicy() throws IOException {
        try (InputStream in = AwsProvider.class.getResourceAsStream("iam-policy.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static SecretResolver keys(String id, String secret) {
        return (field, ref) -> switch (ref) {
            case "test:id" -> id.toCharArray();
            case "test:secret" -> secret.toCharArray();
            default -> throw ClusterDeployException.notFound(field, field + ": no secret " + ref);
        };
    }

    @Test
    void theDocumentedPolicyAllowsEveryCallTheProviderMakesAndALessOneIsRefusedClearly() throws Exception {
        post("/moto-api/reset-auth", "9");
        String[] admin = user("admin", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"*\",\"Resource\":\"*\"}]}");
        String[] deployer = user("deployer", documentedPolicy());
        String[] narrow = user("narrow", documentedPolicy().replace("\"elasticloadbalancing:DeregisterTargets\",", ""));

        fx = new AwsFixture(MOTO.server(), Map.of(), new Moto(MOTO.server().endpoint(), admin[0], admin[1]),
                keys(deployer[0], deployer[1]));
        ProviderCalls.loadBalancer(fx, 2);
        ProviderCalls.deployAndAwaitUp(fx, "hello-prod-v000", 1);
        fx.provider.createServerGroup(ProviderCalls.request(fx, "hello-prod-v001", Capacity.fixed(1), fx.spec("v2", true)));
        fx.provider.disable(Moto.REGION, "hello-prod-v000", 100);
        fx.provider.resize(Moto.REGION, "hello-prod-v000", new Capacity(0, 0, 1));
        fx.provider.enable(Moto.REGION, "hello-prod-v000");
        fx.provider.destroy(Moto.REGION, "hello-prod-v000");
        fx.provider.refresh();
        assertThat(fx.provider.serverGroups("hello")).extracting(sg -> sg.name()).containsExactly("hello-prod-v001");
        assertThat(fx.proxy.unimplemented()).isEmpty();
        ConnectionCheck.Identity me = ConnectionCheck.check(AwsFixture.ACCOUNT, fx.settings(Map.of()),
                keys(deployer[0], deployer[1]));
        assertThat(me.arn()).endsWith(":user/deployer");
        assertThat(me.describe()).contains("AWS account " + me.accountId()).contains("deployer");

        try (AwsProvider narrowed = (AwsProvider) new AwsProviderFactory().create(AwsFixture.ACCOUNT,
                fx.settings(Map.of()), keys(narrow[0], narrow[1]))) {
            assertThatThrownBy(() -> narrowed.disable(Moto.REGION, "hello-prod-v001", 100))
                    .isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                        assertThat(e.field()).isEqualTo("accounts[aws-test].credentials");
                        assertThat(e.getMessage()).contains("DeregisterTargets").contains("not allowed")
                                .contains("docs/aws.md");
                    });
        }
    }

    @Test
    void wrongCredentialsAreRefusedNamingTheAccountsCredentialsWithoutTheSecret() throws Exception {
        post("/moto-api/reset-auth", "3");
        String[] deployer = user("deployer", documentedPolicy());
        String wrong = "wrong" + deployer[1].substring(5);
        fx = null;
        try (MotoProxy proxy = new MotoProxy(MOTO.server().endpoint())) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("regions", List.of(Moto.REGION));
            settings.put("endpoint", proxy.endpoint());
            settings.put("credentials", Map.of("accessKeyId", "test:id", "secretAccessKey", "test:secret"));
            settings.put("retries", Map.of("maxAttempts", 2, "baseDelayMillis", 10, "maxDelayMillis", 20));
            for (SecretResolver bad : List.of(keys(deployer[0], wrong), keys("AKIAUNKNOWNKEY000000", deployer[1]))) {
                try (AwsProvider provider = (AwsProvider) new AwsProviderFactory().create(AwsFixture.ACCOUNT, settings, bad)) {
                    assertThatThrownBy(provider::refresh).isInstanceOfSatisfying(ClusterDeployException.class, e -> {
                        assertThat(e.kind()).as(e.getMessage()).isEqualTo(ErrorKind.INVALID_INPUT);
                        assertThat(e.field()).isEqualTo("accounts[aws-test].credentials");
                        assertThat(e.getMessage()).contains("refused the credentials").doesNotContain(wrong)
                                .doesNotContain(deployer[1]);
                    });
                }
                assertThatThrownBy(() -> ConnectionCheck.check(AwsFixture.ACCOUNT, settings, bad))
                        .isInstanceOfSatisfying(ClusterDeployException.class, e ->
                                assertThat(e.field()).isEqualTo("accounts[aws-test].credentials"));
            }
            // Refused credentials are not retried: one attempt each.
            assertThat(proxy.counts().values()).allMatch(n -> n <= 2);
        }
    }

    @Test
    void anAssumedRoleIsReachedThroughStsWithItsExternalId() throws Exception {
        try (MotoProxy proxy = new MotoProxy(MOTO.server().endpoint())) {
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("regions", List.of(Moto.REGION));
            settings.put("endpoint", proxy.endpoint());
            settings.put("credentials", Map.of("accessKeyId", "test:id", "secretAccessKey", "test:secret"));
            settings.put("assumeRole", Map.of("roleArn", "arn:aws:iam::123456789012:role/deployer",
                    "externalId", "cd-external-1", "sessionName", "cluster-deploy-test"));
            ConnectionCheck.Identity me = ConnectionCheck.check(AwsFixture.ACCOUNT, settings, AwsFixture.SECRETS);
            assertThat(me.arn()).contains(":assumed-role/deployer/cluster-deploy-test");
            assertThat(me.describe()).contains("role deployer");
            MotoProxy.Call assume = proxy.calls().stream().filter(c -> c.action().equals("AssumeRole")).findFirst()
                    .orElseThrow();
            assertThat(assume.params()).containsEntry("RoleArn", "arn:aws:iam::123456789012:role/deployer")
                    .containsEntry("ExternalId", "cd-external-1").containsEntry("RoleSessionName", "cluster-deploy-test");
            assertThat(proxy.calls().stream().filter(c -> c.action().equals("GetCallerIdentity"))).hasSize(1);
        }
    }
}
