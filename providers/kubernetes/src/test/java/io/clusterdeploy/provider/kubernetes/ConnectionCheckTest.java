package io.clusterdeploy.provider.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.clusterdeploy.provider.kubernetes.config.ConnectionCheck;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.mockwebserver.DefaultMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Test connection" against an API server that answers /version and SelfSubjectAccessReviews as a real one does
 * (the mock in expectation mode, since the CRUD mode has no authorizer): it names each permission RBAC refuses.
 */
class ConnectionCheckTest {
    private static final KubernetesSerialization JSON = new KubernetesSerialization();
    private DefaultMockServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.shutdown();
        }
    }

    private Map<String, Object> settings() {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("server", "http://127.0.0.1:" + server.getPort());
        s.put("token", KubernetesFixture.TOKEN_REF);
        s.put("namespaces", List.of("prod", "staging"));
        s.put("requestRetries", 0);
        return s;
    }

    private void start(int versionStatus, java.util.function.Predicate<SelfSubjectAccessReview> allowed) {
        // A plain mock web server: the Kubernetes one answers /version itself.
        server = new DefaultMockServer(false);
        server.start(InetAddress.getLoopbackAddress(), 0);
        server.expect().get().withPath("/version").andReturn(versionStatus, versionStatus == 200
                ? Map.of("major", "1", "minor", "30", "gitVersion", "v1.30.2")
                : Map.of("kind", "Status", "code", versionStatus)).always();
        server.expect().post().withPath("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews")
                .andReply(201, request -> {
                    SelfSubjectAccessReview review = JSON.unmarshal(request.getUtf8Body(), SelfSubjectAccessReview.class);
                    review.setStatus(new io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatusBuilder()
                            .withAllowed(allowed.test(review)).build());
                    return review;
                }).always();
    }

    @Test
    void everyMissingPermissionIsNamed() {
        start(200, r -> {
            var a = r.getSpec().getResourceAttributes();
            return !(a.getVerb().equals("delete") && a.getResource().equals("replicasets"))
                    && !(a.getNamespace().equals("staging") && a.getResource().equals("endpointslices")
                    && a.getVerb().equals("watch"));
        });
        ConnectionCheck.Result result = ConnectionCheck.test("a", settings(), KubernetesFixture.SECRETS);
        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("v1.30.2")
                .contains("delete replicasets.apps in namespace prod")
                .contains("delete replicasets.apps in namespace staging")
                .contains("watch endpointslices.discovery.k8s.io in namespace staging")
                .doesNotContain("watch endpointslices.discovery.k8s.io in namespace prod")
                .doesNotContain("sim-token");
    }

    @Test
    void allGrantedIsOk() {
        start(200, r -> true);
        ConnectionCheck.Result result = ConnectionCheck.test("a", settings(), KubernetesFixture.SECRETS);
        assertThat(result.ok()).as(result.message()).isTrue();
        assertThat(result.message()).contains("every permission");
    }

    @Test
    void refusedCredentialsAreSaidSo() {
        start(401, r -> true);
        ConnectionCheck.Result result = ConnectionCheck.test("a", settings(), KubernetesFixture.SECRETS);
        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("refused the credentials");
    }

    @Test
    void badSettingsAreAFailedResultNamingTheField() {
        start(200, r -> true);
        Map<String, Object> s = settings();
        s.remove("token");
        ConnectionCheck.Result result = ConnectionCheck.test("a", s, KubernetesFixture.SECRETS);
        assertThat(result.ok()).isFalse();
        assertThat(result.message()).contains("missing credentials").contains("accounts[a].token");
    }
}
