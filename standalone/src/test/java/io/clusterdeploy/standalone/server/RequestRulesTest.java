package io.clusterdeploy.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** Each rule on its own, for the edge cases the HTTP tests do not enumerate. */
class RequestRulesTest {
    private final LoopbackAuthorities self = new LoopbackAuthorities(() -> 7070);
    private final ApiToken token = ApiToken.generate(new SecureRandom());

    private static RequestHead head(String method, String host, String origin, String auth, String type, long length) {
        return new RequestHead(method, host, origin, auth, type, length);
    }

    @Test
    void hostRule() {
        LoopbackHostRule rule = new LoopbackHostRule(self);
        assertThat(rule.check(head("GET", "127.0.0.1:7070", null, null, null, -1))).isEmpty();
        assertThat(rule.check(head("GET", "localhost:7070", null, null, null, -1))).isEmpty();
        assertThat(rule.check(head("GET", "[::1]:7070", null, null, null, -1))).isEmpty();
        assertThat(rule.check(head("GET", "127.0.0.1:7071", null, null, null, -1))).hasValueSatisfying(r -> {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.field()).isEqualTo("Host");
        });
        assertThat(rule.check(head("GET", "127.0.0.1", null, null, null, -1))).isPresent();
        assertThat(rule.check(head("GET", null, null, null, null, -1))).isPresent();
        assertThat(rule.check(head("GET", "attacker.example:7070", null, null, null, -1))).isPresent();
        assertThat(rule.check(head("GET", "127.0.0.2:7070", null, null, null, -1))).isPresent();
    }

    @Test
    void portMayBeOmittedOnlyOnPort80() {
        LoopbackAuthorities on80 = new LoopbackAuthorities(() -> 80);
        assertThat(on80.allowsAuthority("localhost")).isTrue();
        assertThat(self.allowsAuthority("localhost")).isFalse();
    }

    @Test
    void originRule() {
        OriginRule rule = new OriginRule(self);
        assertThat(rule.check(head("POST", "127.0.0.1:7070", null, null, null, -1))).as("no Origin: not a browser").isEmpty();
        assertThat(rule.check(head("POST", "127.0.0.1:7070", "http://localhost:7070", null, null, -1))).isEmpty();
        assertThat(rule.check(head("POST", "127.0.0.1:7070", "http://[::1]:7070", null, null, -1))).isEmpty();
        for (String bad : new String[] {"http://evil.example", "null", "", "http://localhost:7070/", "https://localhost:7070",
                "http://localhost:7071", "http://localhost"}) {
            assertThat(rule.check(head("GET", "127.0.0.1:7070", bad, null, null, -1))).as(bad)
                    .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(403));
        }
    }

    @Test
    void tokenRuleOnlyGuardsMutations() {
        BearerTokenRule rule = new BearerTokenRule(token, "/state/token");
        assertThat(rule.check(head("GET", null, null, null, null, -1))).isEmpty();
        assertThat(rule.check(head("HEAD", null, null, null, null, -1))).isEmpty();
        for (String method : new String[] {"POST", "PUT", "PATCH", "DELETE", "PROPFIND"}) {
            assertThat(rule.check(head(method, null, null, null, null, -1))).as(method)
                    .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(401));
            assertThat(rule.check(head(method, null, null, "Bearer " + token.value(), null, -1))).as(method).isEmpty();
        }
        assertThat(rule.check(head("POST", null, null, "Bearer " + token.value() + "x", null, -1))).isPresent();
        assertThat(rule.check(head("POST", null, null, "Token " + token.value(), null, -1))).isPresent();
        assertThat(rule.check(head("POST", null, null, "Bearer", null, -1))).isPresent();
    }

    @Test
    void refusalsNeverRepeatTheToken() {
        BearerTokenRule rule = new BearerTokenRule(token, "/state/token");
        assertThat(rule.check(head("POST", null, null, "Bearer " + token.value() + "x", null, -1)))
                .hasValueSatisfying(r -> assertThat(r.message()).doesNotContain(token.value()));
    }

    @Test
    void contentTypeRule() {
        JsonContentTypeRule rule = new JsonContentTypeRule();
        assertThat(rule.check(head("GET", null, null, null, null, -1))).isEmpty();
        assertThat(rule.check(head("POST", null, null, null, "application/json", -1))).isEmpty();
        assertThat(rule.check(head("POST", null, null, null, "Application/JSON; charset=\"utf-8\"", -1))).isEmpty();
        assertThat(rule.check(head("POST", null, null, null, "text/plain", -1)))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(415));
        assertThat(rule.check(head("POST", null, null, null, null, -1))).isPresent();
        assertThat(rule.check(head("POST", null, null, null, "application/json; charset=utf-16", -1))).isPresent();
    }

    @Test
    void bodySizeRule() {
        BodySizeRule rule = new BodySizeRule(10);
        assertThat(rule.check(head("POST", null, null, null, null, 10))).isEmpty();
        assertThat(rule.check(head("POST", null, null, null, null, -1))).isEmpty();
        assertThat(rule.check(head("POST", null, null, null, null, 11)))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(413));
    }

    @Test
    void tokenIs32RandomBytesUrlSafeAndNeverShownByToString() {
        ApiToken other = ApiToken.generate(new SecureRandom());
        assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
        assertThat(token.value()).isNotEqualTo(other.value());
        assertThat(token.toString()).doesNotContain(token.value());
        assertThat(token.matches(token.value())).isTrue();
        assertThat(token.matches(other.value())).isFalse();
        assertThat(token.matches(null)).isFalse();
    }
}
