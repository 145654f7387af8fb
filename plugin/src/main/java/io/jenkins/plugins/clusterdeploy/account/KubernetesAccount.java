package io.jenkins.plugins.clusterdeploy.account;

import hudson.Extension;
import hudson.model.Descriptor.FormException;
import hudson.util.FormValidation;
import io.clusterdeploy.engine.provider.SecretResolver;
import io.clusterdeploy.provider.kubernetes.KubernetesProviderFactory;
import io.clusterdeploy.provider.kubernetes.config.ConnectionCheck;
import io.jenkins.plugins.clusterdeploy.credentials.CredentialsSecretResolver;
import io.jenkins.plugins.clusterdeploy.credentials.GlobalCredentialsLookup;
import io.jenkins.plugins.clusterdeploy.credentials.SecretScrubber;
import io.jenkins.plugins.clusterdeploy.form.FormFields;
import io.jenkins.plugins.clusterdeploy.form.FormText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * An account of the {@code kubernetes} provider: an API server, the Jenkins credentials to reach it (Secret text: a
 * bearer token; Secret file: a kubeconfig, or a PEM client certificate with its key), and the namespaces it may
 * deploy to. Only the credentials id is stored; the provider resolves it when the account starts, and reads a
 * token again every {@code tokenRefreshSeconds}, so a rotated credential is picked up without a restart.
 */
public final class KubernetesAccount extends CloudAccount {
    private String server;
    private String credentialsId;
    private String context;
    private List<String> namespaces = new ArrayList<>();
    private String caCertificate;
    private boolean insecureSkipTlsVerify;
    private Integer requestTimeoutSeconds;
    private Integer requestRetries;
    private Integer endpointPropagationSeconds;

    @DataBoundConstructor
    public KubernetesAccount(String name) {
        super(name);
    }

    public String getServer() {
        return server;
    }

    @DataBoundSetter
    public void setServer(String server) {
        this.server = blankToNull(server);
    }

    @Override
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = blankToNull(credentialsId);
    }

    public String getContext() {
        return context;
    }

    @DataBoundSetter
    public void setContext(String context) {
        this.context = blankToNull(context);
    }

    public List<String> getNamespaces() {
        return namespaces == null ? List.of() : List.copyOf(namespaces);
    }

    /** One namespace per entry; an entry holding several lines (a textarea bound as one value) is split. */
    @DataBoundSetter
    public void setNamespaces(List<String> namespaces) {
        List<String> kept = new ArrayList<>();
        if (namespaces != null) {
            namespaces.stream().filter(n -> n != null).forEach(n -> kept.addAll(FormText.lines(n)));
        }
        this.namespaces = kept;
    }

    public String getCaCertificate() {
        return caCertificate;
    }

    @DataBoundSetter
    public void setCaCertificate(String caCertificate) {
        this.caCertificate = blankToNull(caCertificate);
    }

    public boolean isInsecureSkipTlsVerify() {
        return insecureSkipTlsVerify;
    }

    @DataBoundSetter
    public void setInsecureSkipTlsVerify(boolean insecureSkipTlsVerify) {
        this.insecureSkipTlsVerify = insecureSkipTlsVerify;
    }

    public Integer getRequestTimeoutSeconds() {
        return requestTimeoutSeconds;
    }

    @DataBoundSetter
    public void setRequestTimeoutSeconds(Integer requestTimeoutSeconds) {
        this.requestTimeoutSeconds = requestTimeoutSeconds;
    }

    public Integer getRequestRetries() {
        return requestRetries;
    }

    @DataBoundSetter
    public void setRequestRetries(Integer requestRetries) {
        this.requestRetries = requestRetries;
    }

    public Integer getEndpointPropagationSeconds() {
        return endpointPropagationSeconds;
    }

    @DataBoundSetter
    public void setEndpointPropagationSeconds(Integer endpointPropagationSeconds) {
        this.endpointPropagationSeconds = endpointPropagationSeconds;
    }

    @Override
    public String getProviderType() {
        return KubernetesProviderFactory.TYPE;
    }

    @Override
    protected Map<String, Object> providerSettings(AccountDefaults defaults) {
        return settings(server, context, getNamespaces(), caCertificate, insecureSkipTlsVerify, requestTimeoutSeconds,
                requestRetries, endpointPropagationSeconds);
    }

    /** The provider's settings from the form's values: one mapping for the saved account and for the test. */
    static Map<String, Object> settings(String server, String context, List<String> namespaces, String caCertificate,
                                        boolean insecureSkipTlsVerify, Integer requestTimeoutSeconds,
                                        Integer requestRetries, Integer endpointPropagationSeconds) {
        Map<String, Object> s = new LinkedHashMap<>();
        putIfSet(s, "server", blankToNull(server));
        putIfSet(s, "context", blankToNull(context));
        s.put("namespaces", List.copyOf(namespaces));
        putIfSet(s, "caCertificate", blankToNull(caCertificate));
        if (insecureSkipTlsVerify) {
            s.put("insecureSkipTlsVerify", true);
        }
        putIfSet(s, "requestTimeoutSeconds", requestTimeoutSeconds);
        putIfSet(s, "requestRetries", requestRetries);
        putIfSet(s, "endpointPropagationSeconds", endpointPropagationSeconds);
        return s;
    }

    private static void putIfSet(Map<String, Object> s, String key, Object value) {
        if (value != null) {
            s.put(key, value);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    // Pattern: KubernetesCloud.DescriptorImpl in jenkinsci/kubernetes-plugin (POST, permission first, then the test).
    @Extension
    @Symbol("kubernetes")
    public static final class DescriptorImpl extends CloudAccountDescriptor {
        public DescriptorImpl() {
            super(KubernetesAccount.class);
        }

        @Override
        public String getDisplayName() {
            return "Kubernetes cluster";
        }

        @POST
        public FormValidation doCheckServer(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return KubernetesAccountChecks.server(value);
        }

        @POST
        public FormValidation doCheckNamespaces(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return KubernetesAccountChecks.namespaces(value);
        }

        @POST
        public FormValidation doCheckCaCertificate(@QueryParameter String value,
                                                   @QueryParameter boolean insecureSkipTlsVerify) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return KubernetesAccountChecks.tls(value, insecureSkipTlsVerify);
        }

        @POST
        public FormValidation doCheckRequestTimeoutSeconds(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return AccountFormChecks.wholeNumber(value, 1, 600, true);
        }

        @POST
        public FormValidation doCheckRequestRetries(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return AccountFormChecks.wholeNumber(value, 0, 10, true);
        }

        @POST
        public FormValidation doCheckEndpointPropagationSeconds(@QueryParameter String value) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            return AccountFormChecks.wholeNumber(value, 0, 300, true);
        }

        /**
         * Connects with the form's values (nothing is saved) and reports what the cluster allows, naming each missing
         * RBAC permission. POST and Overall/Administer only: it makes the controller open a connection to a URL.
         */
        @POST
        public FormValidation doTestConnection(@QueryParameter String name, @QueryParameter String server,
                                               @QueryParameter String credentialsId, @QueryParameter String context,
                                               @QueryParameter String namespaces, @QueryParameter String caCertificate,
                                               @QueryParameter boolean insecureSkipTlsVerify) {
            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
            FormValidation nameCheck = AccountFormChecks.name(name);
            if (nameCheck.kind != FormValidation.Kind.OK) {
                return nameCheck;
            }
            Map<String, Object> settings = settings(server, context, FormText.lines(namespaces == null ? "" : namespaces),
                    caCertificate, insecureSkipTlsVerify, null, null, null);
            if (credentialsId != null && !credentialsId.isBlank()) {
                settings.put("credentialsId", credentialsId.strip());
            }
            SecretScrubber secrets = new SecretScrubber(new CredentialsSecretResolver(new GlobalCredentialsLookup()));
            try {
                return KubernetesAccountChecks.connection(name.strip(), settings, secrets);
            } finally {
                secrets.forget();
            }
        }

        /** The namespaces arrive as a textarea: one per line. */
        @Override
        public CloudAccount newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            List<String> lines = new FormFields(formData).takeLines("namespaces");
            CloudAccount account = super.newInstance(req, formData);
            if (lines != null && account instanceof KubernetesAccount k) {
                k.setNamespaces(lines);
            }
            return account;
        }

        /** The namespaces as the textarea shows them. */
        public String namespacesText(KubernetesAccount account) {
            return account == null ? "" : FormText.linesText(account.getNamespaces());
        }
    }

    /** For {@link KubernetesAccountChecks}: the provider's check, with messages scrubbed of what it resolved. */
    static FormValidation report(ConnectionCheck.Result result, SecretResolver secrets) {
        String message = secrets instanceof SecretScrubber s ? s.scrub(result.message()) : result.message();
        return result.ok() ? FormValidation.ok(message) : FormValidation.error(message);
    }
}
