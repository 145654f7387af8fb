package io.clusterdeploy.provider.kubernetes.config;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.json.Fields;
import io.clusterdeploy.provider.kubernetes.manifest.KubernetesNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Kubernetes account's settings, checked without resolving a secret or opening a connection. Secrets are never
 * held here, only their references ({@code env:NAME}, {@code file:/path} or a Jenkins credentials id).
 *
 * @param server                     API server URL, or null when the kubeconfig says
 * @param credentials                where the credentials come from
 * @param context                    kubeconfig context, or null for its current context
 * @param namespaces                 the namespaces the account may touch: its locations
 * @param caCertificate              PEM CA bundle to trust, or null
 * @param caCertificateFile          file holding the PEM CA bundle, or null
 * @param insecureSkipTlsVerify      said explicitly: trust any server certificate
 * @param requestTimeout             per-request timeout
 * @param requestRetries             how many times fabric8 retries a request after 429, 5xx or an I/O error
 * @param requestRetryBackoff        first retry delay; fabric8 doubles it at each retry
 * @param endpointPropagation        how long after the EndpointSlices drop a pod kube-proxies and ingress
 *                                   controllers may still send it requests; disable waits that long
 * @param tokenRefresh               how often a token (or a kubeconfig's exec plugin) is read again
 */
public record KubernetesSettings(String server, Credentials credentials, String context, List<String> namespaces,
                                 String caCertificate, Path caCertificateFile, boolean insecureSkipTlsVerify,
                                 Duration requestTimeout, int requestRetries, Duration requestRetryBackoff,
                                 Duration endpointPropagation, Duration tokenRefresh) {

    public static final String SERVER = "server";
    public static final String TOKEN = "token";
    public static final String TOKEN_FILE = "tokenFile";
    public static final String CLIENT_CERTIFICATE = "clientCertificate";
    public static final String KUBECONFIG = "kubeconfig";
    public static final String KUBECONFIG_FILE = "kubeconfigFile";
    public static final String CREDENTIALS_ID = "credentialsId";
    public static final String CONTEXT = "context";
    public static final String NAMESPACES = "namespaces";
    public static final String CA_CERTIFICATE = "caCertificate";
    public static final String CA_CERTIFICATE_FILE = "caCertificateFile";
    public static final String INSECURE_SKIP_TLS_VERIFY = "insecureSkipTlsVerify";
    public static final String REQUEST_TIMEOUT_SECONDS = "requestTimeoutSeconds";
    public static final String REQUEST_RETRIES = "requestRetries";
    public static final String REQUEST_RETRY_BACKOFF_MILLIS = "requestRetryBackoffMillis";
    public static final String ENDPOINT_PROPAGATION_SECONDS = "endpointPropagationSeconds";
    public static final String TOKEN_REFRESH_SECONDS = "tokenRefreshSeconds";

    /** Where the credentials come from. */
    public enum Source {
        /** {@code token}: a bearer token (secret reference). */
        TOKEN,
        /** {@code tokenFile}: a file holding a bearer token, read again when it changes (projected tokens). */
        TOKEN_FILE,
        /** {@code clientCertificate}: PEM certificate and private key (secret reference). */
        CLIENT_CERTIFICATE,
        /** {@code kubeconfig}: a kubeconfig's content (secret reference). */
        KUBECONFIG,
        /** {@code kubeconfigFile}: a kubeconfig file, read again at every token refresh. */
        KUBECONFIG_FILE,
        /** {@code credentialsId}: a Jenkins credential: Secret text (token) or Secret file (kubeconfig or PEM). */
        CREDENTIALS_ID
    }

    /**
     * @param source    kind
     * @param field     the settings field it came from, for errors
     * @param reference secret reference, or the file path for {@link Source#TOKEN_FILE}
     */
    public record Credentials(Source source, String field, String reference) {
        @Override
        public String toString() {
            return field + " (" + source + ")";
        }
    }

    public KubernetesSettings {
        namespaces = List.copyOf(namespaces);
    }

    /** Reads and checks the settings of account {@code accountName}; errors name {@code accounts[NAME].KEY}. */
    public static KubernetesSettings parse(String accountName, java.util.Map<String, Object> settings) {
        Fields f = new Fields("accounts[" + accountName + "]", settings);
        String server = f.optionalString(SERVER, null);
        Credentials credentials = credentials(f);
        String context = f.optionalString(CONTEXT, null);
        if (context != null && !kubeconfig(credentials) && credentials.source() != Source.CREDENTIALS_ID) {
            throw ClusterDeployException.invalid(f.path(CONTEXT), f.path(CONTEXT) + " only applies to a kubeconfig");
        }
        if (server == null && !kubeconfig(credentials) && credentials.source() != Source.CREDENTIALS_ID) {
            throw ClusterDeployException.invalid(f.path(SERVER), f.path(SERVER) + " is required (the API server URL,"
                    + " e.g. https://10.0.0.1:6443) unless a kubeconfig names it");
        }
        if (server != null) {
            checkServer(f.path(SERVER), server);
        }
        List<String> namespaces = namespaces(f);
        String ca = f.optionalString(CA_CERTIFICATE, null);
        String caFile = f.optionalString(CA_CERTIFICATE_FILE, null);
        boolean skip = f.optionalBoolean(INSECURE_SKIP_TLS_VERIFY, false);
        if (ca != null && caFile != null) {
            throw ClusterDeployException.invalid(f.path(CA_CERTIFICATE_FILE), "give one of " + f.path(CA_CERTIFICATE)
                    + " or " + f.path(CA_CERTIFICATE_FILE));
        }
        if (skip && (ca != null || caFile != null)) {
            throw ClusterDeployException.invalid(f.path(INSECURE_SKIP_TLS_VERIFY), f.path(INSECURE_SKIP_TLS_VERIFY)
                    + " contradicts the CA bundle given: either verify against the bundle or skip verification");
        }
        if (ca != null && !ca.contains("-----BEGIN CERTIFICATE-----")) {
            throw ClusterDeployException.invalid(f.path(CA_CERTIFICATE), f.path(CA_CERTIFICATE)
                    + " must be PEM text (-----BEGIN CERTIFICATE-----)");
        }
        Path caPath = caFile == null ? null : path(f.path(CA_CERTIFICATE_FILE), caFile);
        int timeout = f.optionalInt(REQUEST_TIMEOUT_SECONDS, 30, 1, 600);
        int retries = f.optionalInt(REQUEST_RETRIES, 4, 0, 10);
        int backoff = f.optionalInt(REQUEST_RETRY_BACKOFF_MILLIS, 250, 10, 10_000);
        int propagation = f.optionalInt(ENDPOINT_PROPAGATION_SECONDS, 5, 0, 300);
        int refresh = f.optionalInt(TOKEN_REFRESH_SECONDS, 300, 1, 3600);
        f.rejectUnknown();
        return new KubernetesSettings(server, credentials, context, namespaces, ca, caPath, skip,
                Duration.ofSeconds(timeout), retries, Duration.ofMillis(backoff), Duration.ofSeconds(propagation),
                Duration.ofSeconds(refresh));
    }

    private static boolean kubeconfig(Credentials c) {
        return c.source() == Source.KUBECONFIG || c.source() == Source.KUBECONFIG_FILE;
    }

    private static Credentials credentials(Fields f) {
        List<Credentials> given = new ArrayList<>();
        for (var entry : List.of(
                java.util.Map.entry(TOKEN, Source.TOKEN), java.util.Map.entry(TOKEN_FILE, Source.TOKEN_FILE),
                java.util.Map.entry(CLIENT_CERTIFICATE, Source.CLIENT_CERTIFICATE),
                java.util.Map.entry(KUBECONFIG, Source.KUBECONFIG),
                java.util.Map.entry(KUBECONFIG_FILE, Source.KUBECONFIG_FILE),
                java.util.Map.entry(CREDENTIALS_ID, Source.CREDENTIALS_ID))) {
            String value = f.optionalString(entry.getKey(), null);
            if (value != null) {
                if (value.isBlank()) {
                    throw ClusterDeployException.invalid(f.path(entry.getKey()), f.path(entry.getKey())
                            + " must not be empty");
                }
                given.add(new Credentials(entry.getValue(), f.path(entry.getKey()), value.strip()));
            }
        }
        if (given.isEmpty()) {
            throw ClusterDeployException.invalid(f.path(TOKEN), "missing credentials: give one of "
                    + f.path(TOKEN) + " (env:NAME or file:/path), " + f.path(TOKEN_FILE) + ", "
                    + f.path(CLIENT_CERTIFICATE) + ", " + f.path(KUBECONFIG) + ", " + f.path(KUBECONFIG_FILE) + " or "
                    + f.path(CREDENTIALS_ID));
        }
        if (given.size() > 1) {
            throw ClusterDeployException.invalid(given.get(1).field(), "give only one kind of credentials, not both "
                    + given.get(0).field() + " and " + given.get(1).field());
        }
        Credentials c = given.get(0);
        if (c.source() == Source.TOKEN_FILE || c.source() == Source.KUBECONFIG_FILE) {
            path(c.field(), c.reference());
        }
        return c;
    }

    private static List<String> namespaces(Fields f) {
        List<String> list = f.optionalStringList(NAMESPACES);
        if (list.isEmpty()) {
            throw ClusterDeployException.invalid(f.path(NAMESPACES), f.path(NAMESPACES) + " is required: the"
                    + " namespaces this account may deploy to");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            String at = f.path(NAMESPACES) + "[" + i + "]";
            KubernetesNames.requireDns1123Label(at, "namespace", list.get(i));
            if (!seen.add(list.get(i))) {
                throw ClusterDeployException.invalid(at, at + ": namespace '" + list.get(i) + "' is listed twice");
            }
        }
        return List.copyOf(seen);
    }

    /** https, or http to this machine only: a token must never cross a network in the clear. */
    public static void checkServer(String field, String server) {
        URI uri;
        try {
            uri = new URI(server);
        } catch (URISyntaxException e) {
            throw ClusterDeployException.invalid(field, field + " is not a URL: " + e.getReason());
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getQuery() != null || uri.getFragment() != null) {
            throw ClusterDeployException.invalid(field, field + " must be a URL such as https://host:6443, with no"
                    + " user, query or fragment");
        }
        String scheme = uri.getScheme();
        if ("http".equals(scheme)) {
            String host = uri.getHost();
            if (!(host.equals("127.0.0.1") || host.equals("localhost") || host.equals("[::1]"))) {
                throw ClusterDeployException.invalid(field, field + ": plain http is only allowed to this machine"
                        + " (127.0.0.1, localhost); use https so that credentials are never sent in the clear");
            }
        } else if (!"https".equals(scheme)) {
            throw ClusterDeployException.invalid(field, field + " must be an https URL");
        }
    }

    private static Path path(String field, String value) {
        try {
            Path p = Path.of(value);
            if (!p.isAbsolute()) {
                throw ClusterDeployException.invalid(field, field + " must be an absolute path, was '" + value + "'");
            }
            return p;
        } catch (InvalidPathException e) {
            throw ClusterDeployException.invalid(field, field + " is not a valid path: " + e.getReason());
        }
    }
}
