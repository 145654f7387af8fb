package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.ExtensionPoint;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Run;
import java.util.List;
import org.springframework.security.core.Authentication;

/**
 * Shim of {@code com.cloudbees.plugins.credentials.CredentialsProvider} (credentials plugin): the static look-ups
 * the binding uses. They need the running Jenkins and throw here. The real class also implements {@code IconSpec}.
 */
public abstract class CredentialsProvider extends Descriptor<CredentialsProvider>
        implements ExtensionPoint, Describable<CredentialsProvider> {

    @SuppressWarnings("unchecked")
    public CredentialsProvider() {
        super(self());
    }

    @NonNull
    public static <C extends Credentials> List<C> lookupCredentialsInItem(@NonNull Class<C> type,
                                                                          @Nullable Item item,
                                                                          @Nullable Authentication authentication) {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @NonNull
    public static <C extends Credentials> List<C> lookupCredentialsInItem(@NonNull Class<C> type,
                                                                          @Nullable Item item,
                                                                          @Nullable Authentication authentication,
                                                                          @Nullable List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @CheckForNull
    public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
                                                                 @NonNull Run<?, ?> run) {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
                                                                 @NonNull Run<?, ?> run,
                                                                 DomainRequirement... domainRequirements) {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    @CheckForNull
    public static <C extends IdCredentials> C findCredentialById(@NonNull String id, @NonNull Class<C> type,
                                                                 @NonNull Run<?, ?> run,
                                                                 @Nullable List<DomainRequirement> domainRequirements) {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }
}
