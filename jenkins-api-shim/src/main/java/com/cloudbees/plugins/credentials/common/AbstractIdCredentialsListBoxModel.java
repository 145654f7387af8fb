package com.cloudbees.plugins.credentials.common;

import com.cloudbees.plugins.credentials.CredentialsMatcher;
import com.cloudbees.plugins.credentials.CredentialsMatchers;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.NonNull;
import edu.umd.cs.findbugs.annotations.Nullable;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.util.ListBoxModel;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;

/**
 * Shim of {@code com.cloudbees.plugins.credentials.common.AbstractIdCredentialsListBoxModel} (credentials plugin).
 * Plain list behaviour kept ({@link #includeEmptyValue()}, {@link #includeCurrentValue(String)},
 * {@link #addMissing(Collection)}, with the plugin's English labels); the {@code include*As} look-ups need the
 * running Jenkins and throw here. Deprecated and Acegi overloads are omitted.
 */
@SuppressWarnings("rawtypes")
public abstract class AbstractIdCredentialsListBoxModel<T extends AbstractIdCredentialsListBoxModel<T, C>,
        C extends IdCredentials>
        extends ListBoxModel {
    private static final long serialVersionUID = 1L;

    @NonNull
    protected abstract String describe(@NonNull C c);

    @NonNull
    public AbstractIdCredentialsListBoxModel<T, C> includeEmptyValue() {
        for (Option o : this) {
            if ("".equals(o.value)) {
                return this;
            }
        }
        add(0, new Option("- none -", ""));
        return this;
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeAs(@NonNull Authentication authentication,
                                                             @Nullable Item context,
                                                             @NonNull Class<? extends C> type) {
        return includeAs(authentication, context, type, Collections.emptyList());
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeAs(@NonNull Authentication authentication,
                                                             @NonNull ItemGroup context,
                                                             @NonNull Class<? extends C> type) {
        return includeAs(authentication, context, type, Collections.emptyList());
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeAs(@NonNull Authentication authentication,
                                                             @Nullable Item context,
                                                             @NonNull Class<? extends C> type,
                                                             @NonNull List<DomainRequirement> domainRequirements) {
        return includeMatchingAs(authentication, context, type, domainRequirements, CredentialsMatchers.always());
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeAs(@NonNull Authentication authentication,
                                                             @NonNull ItemGroup context,
                                                             @NonNull Class<? extends C> type,
                                                             @NonNull List<DomainRequirement> domainRequirements) {
        return includeMatchingAs(authentication, context, type, domainRequirements, CredentialsMatchers.always());
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(@NonNull Authentication authentication,
                                                                     @Nullable Item context,
                                                                     @NonNull Class<? extends C> type,
                                                                     @NonNull List<DomainRequirement> domainRequirements,
                                                                     @NonNull CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeMatchingAs(@NonNull Authentication authentication,
                                                                     @NonNull ItemGroup context,
                                                                     @NonNull Class<? extends C> type,
                                                                     @NonNull List<DomainRequirement> domainRequirements,
                                                                     @NonNull CredentialsMatcher matcher) {
        throw new UnsupportedOperationException("jenkins-api-shim");
    }

    public AbstractIdCredentialsListBoxModel<T, C> includeCurrentValue(@NonNull String value) {
        if (value == null || value.isEmpty()) {
            return includeEmptyValue();
        }
        for (Option o : this) {
            if (value.equals(o.value)) {
                return this;
            }
        }
        int index = !isEmpty() && "".equals(get(0).value) ? 1 : 0;
        add(index, new Option("- current -", value));
        return this;
    }

    public boolean addMissing(@NonNull Collection<? extends Option> c) {
        Set<String> present = new HashSet<>();
        for (Option o : this) {
            present.add(o.value);
        }
        boolean changed = false;
        for (Option o : c) {
            if (present.add(o.value)) {
                add(o);
                changed = true;
            }
        }
        return changed;
    }
}
