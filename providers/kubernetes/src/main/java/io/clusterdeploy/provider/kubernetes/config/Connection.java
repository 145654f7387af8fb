package io.clusterdeploy.provider.kubernetes.config;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.provider.kubernetes.config.KubernetesSettings.Credentials;
import io.clusterdeploy.provider.kubernetes.manifest.SafeManifest;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.okhttp.OkHttpClientFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fabric8 client of one account, built from its settings and secrets, with nothing left to fabric8's
 * auto-configuration (no ~/.kube/config, no environment, no in-cluster service account that the settings do not
 * name). The one retry layer is fabric8's own: it retries 429, 5xx and I/O errors for every verb, here with explicit
 * bounds ({@code requestRetries}) and exponential backoff from {@code requestRetryBackoffMillis}. Watches use
 * fabric8's default (a WebSocket, falling back to an HTTP stream), and reconnect without limit.
 *
 * @param client the client
 * @param token  the rotating token, or null when the account authenticates with a client certificate
 */
public record Connection(KubernetesClient client, RotatingToken token) implements AutoCloseable {
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----\\s*[A-Za-z0-9+/=\\s]+?-----END \\1-----");
    private static final int MAX_FILE_BYTES = 1 << 20;
    /** A token file is cheap to read and rotates under us (projected service account tokens): look often. */
    private static final Duration TOKEN_FILE_TTL = Duration.ofSeconds(10);

    /** Resolves the account's secrets and builds its client. Opens no connection yet. */
    public static Connection open(KubernetesSettings s, SecretResolver secrets, Clock clock) {
        Config config = Config.empty();
        RotatingToken token = authenticate(config, s, s.credentials(), secrets, clock);
        if (s.server() != null) {
            config.setMasterUrl(s.server());
        }
        if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
            throw ClusterDeployException.invalid(fieldNear(s.credentials(), KubernetesSettings.SERVER),
                    "server is required: the kubeconfig's context names no cluster server");
        }
        if (s.caCertificate() != null) {
            config.setCaCertData(base64(s.caCertificate()));
        } else if (s.caCertificateFile() != null) {
            config.setCaCertFile(s.caCertificateFile().toString());
        }
        if (s.insecureSkipTlsVerify()) {
            config.setTrustCerts(true);
            config.setDisableHostnameVerification(true);
        }
        config.setRequestTimeout((int) s.requestTimeout().toMillis());
        config.setConnectionTimeout(10_000);
        config.setRequestRetryBackoffLimit(s.requestRetries());
        config.setRequestRetryBackoffInterval((int) s.requestRetryBackoff().toMillis());
        config.setWatchReconnectInterval(500);
        config.setWatchReconnectLimit(-1);
        KubernetesClient client = new KubernetesClientBuilder().withConfig(config)
                .withHttpClientFactory(new OkHttpClientFactory()).build();
        return new Connection(client, token);
    }

    @Override
    public void close() {
        client.close();
    }

    private static RotatingToken authenticate(Config config, KubernetesSettings s, Credentials c,
                                              SecretResolver secrets, Clock clock) {
        switch (c.source()) {
            case TOKEN -> {
                return tokenFrom(config, c.field(), () -> secret(secrets, c), s.tokenRefresh(), clock);
            }
            case TOKEN_FILE -> {
                Path file = Path.of(c.reference());
                Duration ttl = s.tokenRefresh().compareTo(TOKEN_FILE_TTL) < 0 ? s.tokenRefresh() : TOKEN_FILE_TTL;
                return tokenFrom(config, c.field(), () -> readFile(c.field(), file), ttl, clock);
            }
            case CLIENT_CERTIFICATE -> {
                clientCertificate(config, c.field(), secret(secrets, c));
                return null;
            }
            case KUBECONFIG -> {
                return kubeconfig(config, s, c, secret(secrets, c), () -> secret(secrets, c), clock);
            }
            case KUBECONFIG_FILE -> {
                Path file = Path.of(c.reference());
                return kubeconfig(config, s, c, readFile(c.field(), file), () -> readFile(c.field(), file), clock);
            }
            case CREDENTIALS_ID -> {
                String content = secret(secrets, c);
                return switch (ResolvedCredentials.detect(c.field(), content)) {
                    case TOKEN -> tokenFrom(config, c.field(), () -> secret(secrets, c), s.tokenRefresh(), clock);
                    case CLIENT_CERTIFICATE -> {
                        clientCertificate(config, c.field(), content);
                        yield null;
                    }
                    case KUBECONFIG -> kubeconfig(config, s, c, content, () -> secret(secrets, c), clock);
                };
            }
            default -> throw new IllegalStateException(c.source().name());
        }
    }

    private static RotatingToken tokenFrom(Config config, String field, Supplier<String> source, Duration ttl,
                                           Clock clock) {
        RotatingToken token = new RotatingToken(field, source, ttl, clock).primed();
        config.setOauthTokenProvider(token);
        return token;
    }

    /**
     * A kubeconfig's cluster and user. fabric8 reads it (and runs its exec plugin, if any); the token is then read
     * again through the same parse every {@code tokenRefresh}, which re-runs the exec plugin before its short-lived
     * token expires.
     */
    private static RotatingToken kubeconfig(Config config, KubernetesSettings s, Credentials c, String content,
                                            Supplier<String> reread, Clock clock) {
        String field = c.field();
        Map<String, Object> doc = SafeManifest.parse(field, content);
        String context = s.context();
        if (context != null) {
            boolean known = doc.get("contexts") instanceof List<?> list && list.stream()
                    .anyMatch(e -> e instanceof Map<?, ?> m && context.equals(m.get("name")));
            if (!known) {
                throw ClusterDeployException.invalid(fieldNear(c, KubernetesSettings.CONTEXT), "context '" + context
                        + "' is not in the kubeconfig of " + field);
            }
        }
        Config parsed = parseKubeconfig(field, context, content);
        config.setMasterUrl(parsed.getMasterUrl());
        config.setCaCertData(parsed.getCaCertData());
        config.setCaCertFile(parsed.getCaCertFile());
        config.setTrustCerts(parsed.isTrustCerts());
        config.setDisableHostnameVerification(parsed.isDisableHostnameVerification());
        config.setClientCertData(parsed.getClientCertData());
        config.setClientKeyData(parsed.getClientKeyData());
        config.setClientCertFile(parsed.getClientCertFile());
        config.setClientKeyFile(parsed.getClientKeyFile());
        config.setClientKeyAlgo(parsed.getClientKeyAlgo());
        if (tokenOf(parsed) == null) {
            if (parsed.getClientCertData() == null && parsed.getClientCertFile() == null) {
                throw ClusterDeployException.invalid(field, field + ": the kubeconfig's user has no token, client"
                        + " certificate or exec plugin");
            }
            return null;
        }
        return tokenFrom(config, field, () -> tokenOf(parseKubeconfig(field, context, reread.get())),
                s.tokenRefresh(), clock);
    }

    private static Config parseKubeconfig(String field, String context, String content) {
        try {
            return Config.fromKubeconfig(context, content, null);
        } catch (RuntimeException e) {
            // fabric8's message may quote the file; name only the field and the kind of failure.
            throw ClusterDeployException.invalid(field, field + ": the kubeconfig cannot be used ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static String tokenOf(Config parsed) {
        String token = parsed.getOauthToken();
        if (token == null || token.isBlank()) {
            token = parsed.getAutoOAuthToken();
        }
        if ((token == null || token.isBlank()) && parsed.getOauthTokenProvider() != null) {
            token = parsed.getOauthTokenProvider().getToken();
        }
        return token == null || token.isBlank() ? null : token;
    }

    private static void clientCertificate(Config config, String field, String pem) {
        List<String> certificates = new ArrayList<>();
        String key = null;
        Matcher m = PEM.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("CERTIFICATE")) {
                certificates.add(m.group());
            } else if (type.endsWith("PRIVATE KEY")) {
                if (key != null) {
                    throw ClusterDeployException.invalid(field, field + ": the PEM holds more than one private key");
                }
                key = m.group();
                config.setClientKeyAlgo(type.startsWith("EC") ? "EC" : "RSA");
            }
        }
        if (certificates.isEmpty() || key == null) {
            throw ClusterDeployException.invalid(field, field + ": a client certificate needs a PEM certificate and"
                    + " its PEM private key");
        }
        config.setClientCertData(base64(String.join("\n", certificates) + "\n"));
        config.setClientKeyData(base64(key + "\n"));
    }

    private static String secret(SecretResolver secrets, Credentials c) {
        char[] value = secrets.resolve(c.field(), c.reference());
        try {
            return new String(value);
        } finally {
            Arrays.fill(value, '\0');
        }
    }

    private static String readFile(String field, Path file) {
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw ClusterDeployException.invalid(field, field + ": " + file + " is larger than 1 MiB");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw ClusterDeployException.invalid(field, field + ": cannot read " + file + " ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static String fieldNear(Credentials c, String key) {
        int dot = c.field().lastIndexOf('.');
        return dot < 0 ? key : c.field().substring(0, dot + 1) + key;
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
