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
        if (!head.mutating() || presentsToken(head)) {
            return Optional.empty();
        }
        return Optional.of(refusal(head));
    }

    /** Whether the request carries {@code Authorization: Bearer <the token>}. */
    boolean presentsToken(RequestHead head) {
        String auth = head.authorization();
        return auth != null && auth.length() > SCHEME.length()
                && auth.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                && token.matches(auth.substring(SCHEME.length()).trim());
    }

    /** Same answer for a missing and a wrong token: say nothing about what was presented. */
    Rejection refusal(RequestHead head) {
        return new Rejection(401, "UNAUTHORIZED", "Authorization",
                head.method() + " requests need the header 'Authorization: Bearer <token>' (the token is in "
                        + tokenLocation + ") or, from the cluster view, a session: open the sign-in link that"
                        + " 'cluster-deploy serve' printed");
    }
}
