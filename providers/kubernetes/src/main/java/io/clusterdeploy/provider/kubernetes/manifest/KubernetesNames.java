package io.clusterdeploy.provider.kubernetes.manifest;

import io.clusterdeploy.engine.error.ClusterDeployException;
import java.util.regex.Pattern;

/**
 * Kubernetes' name rules, which are stricter than Frigga's: Frigga allows '_', '.', '~', '^' and upper case, and
 * names up to 255 characters, where Kubernetes wants DNS-1123 labels (lower-case letters, digits and '-', starting
 * and ending with a letter or digit, at most 63) for namespaces and, since the names are also label values, for
 * server groups and clusters. Every check names the rule it enforces, so the user knows what to change.
 */
public final class KubernetesNames {
    /** A DNS-1123 label's and a label value's length limit. */
    public static final int MAX_LABEL = 63;
    /** Room for the "-vNNN" suffix, so that every server group of a cluster fits in a label value. */
    public static final int MAX_CLUSTER = MAX_LABEL - "-v000".length();

    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1035_LABEL = Pattern.compile("[a-z]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL_VALUE = Pattern.compile("(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?");
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

    private KubernetesNames() {
    }

    /** A namespace, container name or port name: a DNS-1123 label. */
    public static void requireDns1123Label(String field, String what, String value) {
        if (value == null || value.isEmpty()) {
            throw ClusterDeployException.invalid(field, field + ": " + what + " is required");
        }
        if (value.length() > MAX_LABEL) {
            throw ClusterDeployException.invalid(field, field + ": " + what + " '" + value + "' is " + value.length()
                    + " characters long; Kubernetes allows at most " + MAX_LABEL + " (DNS-1123 label)");
        }
        String bad = firstBadCharacter(value, "abcdefghijklmnopqrstuvwxyz0123456789-");
        if (bad != null) {
            throw ClusterDeployException.invalid(field, field + ": " + what + " '" + value + "' breaks the DNS-1123 label"
                    + " rule (lower-case letters, digits and '-' only): " + bad);
        }
        if (!DNS_1123_LABEL.matcher(value).matches()) {
            throw ClusterDeployException.invalid(field, field + ": " + what + " '" + value + "' breaks the DNS-1123 label"
                    + " rule: it must start and end with a lower-case letter or digit");
        }
    }

    /** A Service's name: a DNS-1035 label (as DNS-1123, but starting with a letter). */
    public static void requireServiceName(String field, String value) {
        requireDns1123Label(field, "Service name", value);
        if (!DNS_1035_LABEL.matcher(value).matches()) {
            throw ClusterDeployException.invalid(field, field + ": Service name '" + value + "' breaks the DNS-1035 label"
                    + " rule: it must start with a lower-case letter");
        }
    }

    /**
     * A server group's full name: a DNS-1123 label, since it names the ReplicaSet, prefixes its pods' names and is the
     * value of the label that selects them.
     */
    public static void requireServerGroupName(String field, String name) {
        requireDns1123Label(field, "server group name", name);
    }

    /** A cluster name: a DNS-1123 label short enough that {@code -vNNN} still fits in 63 characters. */
    public static void requireClusterName(String field, String cluster) {
        requireDns1123Label(field, "cluster name", cluster);
        if (cluster.length() > MAX_CLUSTER) {
            throw ClusterDeployException.invalid(field, field + ": cluster name '" + cluster + "' is " + cluster.length()
                    + " characters long; on Kubernetes at most " + MAX_CLUSTER + " are allowed, so that its server"
                    + " group names (cluster + '-vNNN') fit the 63-character limit of label values");
        }
    }

    /** A NetworkPolicy's or other object's name: a DNS-1123 subdomain (at most 253). */
    public static void requireObjectName(String field, String what, String value) {
        if (value == null || value.isEmpty()) {
            throw ClusterDeployException.invalid(field, field + ": " + what + " is required");
        }
        if (value.length() > 253 || !DNS_1123_SUBDOMAIN.matcher(value).matches()) {
            throw ClusterDeployException.invalid(field, field + ": " + what + " '" + value + "' breaks the DNS-1123"
                    + " subdomain rule (lower-case letters, digits, '-' and '.', at most 253)");
        }
    }

    /** A label value: at most 63 characters of letters, digits, '-', '_' and '.', alphanumeric at both ends. */
    public static void requireLabelValue(String field, String value) {
        if (value == null) {
            throw ClusterDeployException.invalid(field, field + " must be a string");
        }
        if (value.length() > MAX_LABEL) {
            throw ClusterDeployException.invalid(field, field + ": label value '" + value + "' is " + value.length()
                    + " characters long; Kubernetes allows at most " + MAX_LABEL);
        }
        if (!LABEL_VALUE.matcher(value).matches()) {
            throw ClusterDeployException.invalid(field, field + ": label value '" + value + "' breaks the label value rule"
                    + " (letters, digits, '-', '_' and '.', starting and ending with a letter or digit)");
        }
    }

    /** A label key: an optional DNS-1123 subdomain prefix and '/', then a name of at most 63 characters. */
    public static void requireLabelKey(String field, String key) {
        if (key == null || key.isEmpty()) {
            throw ClusterDeployException.invalid(field, field + ": a label key must not be empty");
        }
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (prefix != null && (prefix.length() > 253 || !DNS_1123_SUBDOMAIN.matcher(prefix).matches())) {
            throw ClusterDeployException.invalid(field, field + ": the prefix of label key '" + key
                    + "' breaks the DNS-1123 subdomain rule");
        }
        if (name.length() > MAX_LABEL || !LABEL_NAME.matcher(name).matches()) {
            throw ClusterDeployException.invalid(field, field + ": label key '" + key + "' breaks the label name rule"
                    + " (at most 63 letters, digits, '-', '_' and '.', alphanumeric at both ends)");
        }
    }

    private static String firstBadCharacter(String value, String allowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (allowed.indexOf(c) < 0) {
                String shown = Character.isUpperCase(c) ? "upper-case '" + c + "'" : "'" + c + "'";
                return shown + " at position " + (i + 1) + " is not allowed";
            }
        }
        return null;
    }
}
