package io.clusterdeploy.standalone.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionsTest {
    /** A clock the test moves. */
    private static final class Hands extends Clock {
        Instant now = Instant.parse("2025-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final Hands clock = new Hands();
    private final Sessions sessions = new Sessions(new SecureRandom(), clock);

    @Test
    void aCodeIsGoodOnceAndOnlyUntilItExpires() {
        String code = sessions.newCode();
        String late = sessions.newCode();
        clock.now = clock.now.plus(Sessions.CODE_LIFETIME).minusSeconds(1);
        assertThat(sessions.redeem(code)).isPresent();
        assertThat(sessions.redeem(code)).isEmpty();
        clock.now = clock.now.plusSeconds(1);
        assertThat(sessions.redeem(late)).isEmpty();
        assertThat(sessions.redeem(null)).isEmpty();
    }

    @Test
    void aSessionEndsAfterItsLifetimeOrWhenEnded() {
        Sessions.Opened a = sessions.open();
        Sessions.Opened b = sessions.open();
        assertThat(sessions.find(a.cookieSecret())).contains(a.session());
        assertThat(a.session().actor()).isEqualTo("standalone session " + a.session().id().substring(0, 8));
        assertThat(a.session().id()).isNotEqualTo(a.cookieSecret()).isNotEqualTo(a.session().csrfToken());
        assertThat(a.toString()).doesNotContain(a.cookieSecret()).doesNotContain(a.session().csrfToken());
        sessions.end(b.cookieSecret());
        assertThat(sessions.find(b.cookieSecret())).isEmpty();
        clock.now = clock.now.plus(Sessions.SESSION_LIFETIME).minus(Duration.ofSeconds(1));
        assertThat(sessions.find(a.cookieSecret())).isPresent();
        clock.now = clock.now.plusSeconds(1);
        assertThat(sessions.find(a.cookieSecret())).isEmpty();
    }

    @Test
    void theStoreStaysBounded() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < Sessions.MAX_CODES + 5; i++) {
            codes.add(sessions.newCode());
        }
        assertThat(sessions.redeem(codes.get(0))).as("the oldest made way").isEmpty();
        assertThat(sessions.redeem(codes.get(codes.size() - 1))).isPresent();
        List<Sessions.Opened> opened = new ArrayList<>();
        for (int i = 0; i < Sessions.MAX_SESSIONS + 5; i++) {
            opened.add(sessions.open());
        }
        assertThat(sessions.find(opened.get(0).cookieSecret())).isEmpty();
        assertThat(sessions.find(opened.get(opened.size() - 1).cookieSecret())).isPresent();
        assertThat(opened.get(0).session().csrfMatches(opened.get(0).session().csrfToken())).isTrue();
        assertThat(opened.get(0).session().csrfMatches(null)).isFalse();
    }
}
