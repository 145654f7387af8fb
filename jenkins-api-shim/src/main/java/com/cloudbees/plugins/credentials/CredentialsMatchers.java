package com.cloudbees.plugins.credentials;

import com.cloudbees.plugins.credentials.common.IdCredentials;
import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.List;

/**
 * Shim of {@code com.cloudbees.plugins.credentials.CredentialsMatchers} (credentials plugin): the matchers the
 * binding uses, as plain predicates (the real ones are named classes, which also render as CQL).
 */
public class CredentialsMatchers {
    private CredentialsMatchers() {
    }

    @NonNull
    public static CredentialsMatcher always() {
        return item -> true;
    }

    @NonNull
    @SuppressWarnings("rawtypes")
    public static CredentialsMatcher instanceOf(@NonNull Class clazz) {
        return clazz::isInstance;
    }

    @NonNull
    public static CredentialsMatcher withId(@NonNull String id) {
        return item -> item instanceof IdCredentials idCredentials && id.equals(idCredentials.getId());
    }

    @NonNull
    public static CredentialsMatcher anyOf(@NonNull CredentialsMatcher... matchers) {
        List<CredentialsMatcher> all = List.of(matchers);
        return item -> all.stream().anyMatch(m -> m.matches(item));
    }
}
