package io.clusterdeploy.standalone.server;

import java.util.Optional;

/**
 * A browser sends Origin on cross-site requests; only pages served from this server's own
 * loopback address may call it. Requests without Origin (curl, scripts) pass.
 */
public final class OriginRule implements RequestRule {
    private final LoopbackAuthorities authorities;

    public OriginRule(LoopbackAuthorities authorities) {
        this.authorities = authorities;
    }

    @Override
    public Optional<Rejection> check(RequestHead head) {
        if (head.origin() == null || authorities.allowsOrigin(head.origin())) {
            return Optional.empty();
        }
        int p = authorities.port();
        return Optional.of(new Rejection(403, "FORBIDDEN", "Origin",
                "requests from other origins are refused; allowed: http://127.0.0.1:" + p + ", http://localhost:" + p
                        + ", http://[::1]:" + p));
    }
}
