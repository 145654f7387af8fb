package io.clusterdeploy.provider.kubernetes.cache;

import io.fabric8.kubernetes.client.KubernetesClientException;

/** Describes a client failure without echoing what the server or fabric8 put in it (which may quote a request). */
public final class Errors {
    private Errors() {
    }

    public static String describe(Throwable t) {
        if (t instanceof KubernetesClientException k && k.getCode() > 0) {
            String reason = k.getStatus() == null ? null : k.getStatus().getReason();
            String message = k.getStatus() == null ? null : k.getStatus().getMessage();
            return "HTTP " + k.getCode() + (reason == null ? "" : " " + reason)
                    + (message == null ? "" : ": " + message);
        }
        Throwable root = t;
        boolean untrusted = false;
        while (root.getCause() != null && root.getCause() != root) {
            untrusted |= root instanceof javax.net.ssl.SSLHandshakeException
                    || root instanceof java.security.cert.CertificateException;
            root = root.getCause();
        }
        untrusted |= root instanceof java.security.cert.CertPathValidatorException
                || root.getClass().getSimpleName().equals("SunCertPathBuilderException");
        if (untrusted) {
            return "the server's TLS certificate is not trusted (" + root.getClass().getSimpleName() + "); give the"
                    + " cluster's CA as caCertificate, or, for a throw-away cluster only, insecureSkipTlsVerify";
        }
        return root.getClass().getSimpleName() + (root == t ? "" : " (" + t.getClass().getSimpleName() + ")");
    }
}
