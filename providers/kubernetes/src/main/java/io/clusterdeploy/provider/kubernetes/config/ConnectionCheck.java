package io.clusterdeploy.provider.kubernetes.config;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.provider.kubernetes.cache.Errors;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * "Test connection": builds the account's client as the provider would, asks the API server for its version (is it
 * reachable, are the credentials accepted), then asks, with one SelfSubjectAccessReview per rule and namespace,
 * whether the account may do everything the provider does. It changes nothing in the cluster and names every
 * missing permission, so an administrator can fix the Role in one go.
 */
public final class ConnectionCheck {
    /**
     * One RBAC rule the provider needs.
     *
     * @param group    API group ("" for the core group)
     * @param resource resource (plural)
     * @param verbs    verbs
     */
    public record Rule(String group, String resource, List<String> verbs) {
        String describe(String verb) {
            return verb + " " + (group.isEmpty() ? resource : resource + "." + group);
        }
    }

    /** Everything the provider does, and nothing more: the Role documented in docs/kubernetes.md. */
    public static final List<Rule> RULES = List.of(
            new Rule("apps", "replicasets", List.of("get", "list", "watch", "create", "update", "patch", "delete")),
            new Rule("", "pods", List.of("get", "list", "watch", "update")),
            new Rule("", "services", List.of("get", "list", "watch", "create", "update")),
            new Rule("discovery.k8s.io", "endpointslices", List.of("get", "list", "watch")),
            new Rule("networking.k8s.io", "networkpolicies", List.of("get", "list", "watch", "create", "update")));

    /**
     * The outcome.
     *
     * @param ok      true when the server answered and every rule is allowed in every namespace
     * @param message what to show the administrator (never a secret)
     */
    public record Result(boolean ok, String message) {
    }

    private ConnectionCheck() {
    }

    /** Parses the settings, resolves the secrets, connects and checks. Bad settings are a failed result. */
    public static Result test(String accountName, Map<String, Object> settings, SecretResolver secrets) {
        KubernetesSettings parsed;
        try {
            parsed = KubernetesSettings.parse(accountName, settings);
        } catch (ClusterDeployException e) {
            return new Result(false, e.getMessage());
        }
        try (Connection connection = Connection.open(parsed, secrets, Clock.systemUTC())) {
            return check(connection.client(), parsed.namespaces());
        } catch (ClusterDeployException e) {
            return new Result(false, e.getMessage());
        }
    }

    /** Checks a built client against the namespaces. */
    public static Result check(KubernetesClient client, List<String> namespaces) {
        VersionInfo version;
        try {
            version = client.getKubernetesVersion();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 401) {
                return new Result(false, "The API server refused the credentials (401 Unauthorized).");
            }
            return new Result(false, "Cannot reach the API server at " + client.getMasterUrl() + ": "
                    + Errors.describe(e));
        }
        List<String> missing = new ArrayList<>();
        for (String ns : namespaces) {
            for (Rule rule : RULES) {
                for (String verb : rule.verbs()) {
                    if (!allowed(client, ns, rule, verb)) {
                        missing.add(rule.describe(verb) + " in namespace " + ns);
                    }
                }
            }
        }
        String server = "Kubernetes " + (version == null ? "?" : version.getGitVersion()) + " at "
                + client.getMasterUrl();
        if (!missing.isEmpty()) {
            return new Result(false, "Connected to " + server + ", but RBAC does not allow: " + String.join("; ", missing)
                    + ". Grant the Role in docs/kubernetes.md.");
        }
        return new Result(true, "Connected to " + server + "; every permission the provider needs is granted in "
                + String.join(", ", namespaces) + ".");
    }

    private static boolean allowed(KubernetesClient client, String ns, Rule rule, String verb) {
        SelfSubjectAccessReview review = new SelfSubjectAccessReviewBuilder()
                .withNewSpec().withNewResourceAttributes()
                .withNamespace(ns).withGroup(rule.group()).withResource(rule.resource()).withVerb(verb)
                .endResourceAttributes().endSpec().build();
        try {
            SelfSubjectAccessReview answer = client.authorization().v1().selfSubjectAccessReview().create(review);
            return answer.getStatus() != null && Boolean.TRUE.equals(answer.getStatus().getAllowed());
        } catch (KubernetesClientException e) {
            return false;
        }
    }
}
