package io.clusterdeploy.standalone.server;

import java.util.Optional;

/**
 * The Host header must name this server by a loopback name and its port. A web page that
 * re-points its own DNS name at 127.0.0.1 (DNS rebinding) sends its own name here and is refused.
 */
public final class LoopbackHostRule implements RequestRule {
    private final LoopbackAuthorities authorities;

    public LoopbackHostRule(LoopbackAuthorities authorities) {
        this.authorities = authorities;
    }

    @Override
    public Optional<Rejection> check(RequestHead head) {
        if (authorities.allowsAuthority(head.host())) {
            return Optional.empty();
        }
        return Optional.of(new Rejection(403, "FORBIDDEN", "Host",
                "the Host header must be 127.0.0.1:" + authorities.port() + ", localhost:" + authorities.port()
                        + " or [::1]:" + authorities.port()));
    }
}
