package io.jenkins.plugins.clusterdeploy.config;

import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.metricsource.MetricSourceTypes;
import io.jenkins.plugins.clusterdeploy.account.AccountSpec;
import io.jenkins.plugins.clusterdeploy.credentials.CredentialsLookup;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;

/**
 * The global configuration's metric source fields as the settings the engine's registry
 * ({@link MetricSourceTypes}) reads, the same section the standalone server's YAML has:
 * {@code prometheus: {url, credentialsId}}, {@code cloudwatch: {account}}, {@code local: false} when turned off.
 * Before the engine is built, {@link #withCredentials} turns a Prometheus credentials id into what the source takes:
 * a Username with password gives {@code username} and {@code password} (the id, which the engine's secret resolver
 * resolves to the password when the source is built), a Secret text gives {@code bearerToken} (the id likewise). No
 * secret value is ever in these settings.
 */
public final class MetricSourceSettings {
    public static final String PROMETHEUS = "prometheus";
    public static final String CLOUDWATCH = "cloudwatch";
    static final String CREDENTIALS_ID = "credentialsId";

    private MetricSourceSettings() {
    }

    /** The section from the form's values; blank values leave their source out. */
    static Map<String, Object> section(String prometheusUrl, String prometheusCredentialsId, String cloudWatchAccount,
                                       boolean localMetrics) {
        Map<String, Object> section = new LinkedHashMap<>();
        if (prometheusUrl != null) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("url", prometheusUrl);
            if (prometheusCredentialsId != null) {
                p.put(CREDENTIALS_ID, prometheusCredentialsId);
            }
            section.put(PROMETHEUS, p);
        }
        if (cloudWatchAccount != null) {
            section.put(CLOUDWATCH, Map.of("account", cloudWatchAccount));
        }
        if (!localMetrics) {
            section.put(MetricSourceTypes.LOCAL, false);
        }
        return section;
    }

    /** Checks the fields before they are saved, naming the form's field. */
    static void check(String prometheusUrl, String prometheusCredentialsId, String cloudWatchAccount,
                      List<AccountSpec> accounts) {
        if (prometheusUrl == null && prometheusCredentialsId != null) {
            throw ClusterDeployException.invalid("prometheusUrl", "prometheusUrl is required with credentials");
        }
        if (prometheusUrl != null) {
            URI url;
            try {
                url = URI.create(prometheusUrl);
            } catch (IllegalArgumentException e) {
                throw ClusterDeployException.invalid("prometheusUrl", "prometheusUrl is not a URL");
            }
            if (!("http".equals(url.getScheme()) || "https".equals(url.getScheme())) || url.getHost() == null
                    || url.getRawUserInfo() != null) {
                throw ClusterDeployException.invalid("prometheusUrl", "prometheusUrl must be an http or https URL "
                        + "without user info (give credentials by id instead)");
            }
        }
        if (cloudWatchAccount != null && accounts.stream()
                .noneMatch(a -> a.name().equals(cloudWatchAccount) && "aws".equals(a.type()))) {
            throw ClusterDeployException.invalid("cloudWatchAccount", "cloudWatchAccount: there is no AWS account named '"
                    + cloudWatchAccount + "'");
        }
    }

    /**
     * The section with the Prometheus credentials id replaced by what the source takes, looked up now (the
     * credentials' kind decides). INVALID_INPUT or NOT_FOUND naming {@code metricSources.prometheus.credentialsId}
     * when the id is unknown or of another kind; never a secret in a message.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> withCredentials(Map<String, Object> section, CredentialsLookup lookup) {
        if (!(section.get(PROMETHEUS) instanceof Map<?, ?> raw) || raw.get(CREDENTIALS_ID) == null) {
            return section;
        }
        Map<String, Object> prometheus = new LinkedHashMap<>((Map<String, Object>) raw);
        String id = String.valueOf(prometheus.remove(CREDENTIALS_ID));
        String field = "metricSources." + PROMETHEUS + "." + CREDENTIALS_ID;
        Optional<StandardCredentials> found = lookup.find(id);
        if (found.isEmpty()) {
            throw ClusterDeployException.notFound(field, field + ": no credentials with id '" + id
                    + "' (Manage Jenkins » Credentials, global domain)");
        }
        StandardCredentials c = found.get();
        if (c instanceof StandardUsernamePasswordCredentials u) {
            prometheus.put("username", u.getUsername());
            prometheus.put("password", id);
        } else if (c instanceof StringCredentials) {
            prometheus.put("bearerToken", id);
        } else {
            throw ClusterDeployException.invalid(field, field + ": credentials '" + id + "' are of kind "
                    + c.getClass().getSimpleName() + "; use Username with password or Secret text");
        }
        Map<String, Object> out = new LinkedHashMap<>(section);
        out.put(PROMETHEUS, prometheus);
        return out;
    }
}
