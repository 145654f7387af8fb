package io.clusterdeploy.engine.analysis;

import io.clusterdeploy.engine.json.Fields;

/**
 * Checks a scope's account and resolves its location as every operation does (the account's one location when it
 * has one, else required): the catalog's rule, handed in so that it stays in one place.
 */
@FunctionalInterface
public interface ScopeLocations {
    /**
     * @param f       the scope's fields ({@code control}), holding {@code location}; errors name fields under it
     * @param account the scope's account, which must exist (NOT_FOUND naming {@code control.account} otherwise)
     */
    String location(Fields f, String account);
}
