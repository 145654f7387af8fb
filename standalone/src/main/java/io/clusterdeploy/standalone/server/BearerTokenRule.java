package io.clusterdeploy.standalone.server;

import java.util.Optional;

/** Mutating requests must carry {@code Authorization: Bearer <token>}; reads need no token. */
public final class BearerTokenRule implements RequestRule {
    private static final String SCHEME = "bearer ";

    private final ApiToken token;
    private final String tokenLocation;

    /** @param tokenLocation where users find the token, for the error message */
    public BearerTokenRule(ApiToken token, String tokenLocation) {
        this.token = token;
        this.tokenLocation = tokenLocation;
    }

    @Override
    public Optional<Rejection> check(RequestHead head) {
        if (!head.mutating()) {
            return Optional.empty();
        }
        String auth = head.authorization();
        if (auth != null && auth.length() > SCHEME.length()
                && auth.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && token.matches(auth.substring(SCHEME.length()).trim())) {
            return Optional.empty();
        }
        // Same answer for a missing and a wrong token: say nothing about what was presented.
        return Optional.of(new Rejection(401, "UNAUTHORIZED", "Authorization",
                head.method() + " requests need the header 'Authorization: Bearer <token>'; the token is in "
                        + tokenLocation));
    }
}
