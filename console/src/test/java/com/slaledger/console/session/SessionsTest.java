package com.slaledger.console.session;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The server-side session (SPEC §12): an opaque id, ended by sign-out, idleness or the token's own expiry. */
class SessionsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T12:00:00Z");

    /** A clock the test moves. */
    static final class Moving extends Clock {
        Instant now = T0;

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static String jwt(long exp) {
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        return b.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b.encodeToString(("{\"sub\":\"op\",\"exp\":" + exp + "}").getBytes(StandardCharsets.UTF_8))
                + ".sig";
    }

    @Test
    void theIdIsOpaqueAndSignOutEndsTheSession() {
        Sessions sessions = new Sessions(new Moving(), Duration.ofHours(8));
        String token = jwt(T0.plusSeconds(3600).getEpochSecond());
        String id = sessions.open(token);
        assertThat(id).isNotEqualTo(token).doesNotContain(".").hasSizeGreaterThanOrEqualTo(43);
        assertThat(sessions.token(id)).isEqualTo(token);
        assertThat(sessions.open(token)).isNotEqualTo(id); // each sign-in its own session
        sessions.end(id);
        assertThat(sessions.token(id)).isNull();
        assertThat(sessions.csrf(id)).isNull();
        assertThat(sessions.token("made-up")).isNull();
        assertThat(sessions.token(null)).isNull();
    }

    @Test
    void theCsrfTokenIsTheSessionsOwn() {
        Sessions sessions = new Sessions(new Moving(), Duration.ofHours(8));
        String a = sessions.open(jwt(T0.plusSeconds(3600).getEpochSecond()));
        String b = sessions.open(jwt(T0.plusSeconds(3600).getEpochSecond()));
        assertThat(sessions.csrf(a)).isNotEqualTo(sessions.csrf(b)).isNotEqualTo(a);
        assertThat(sessions.csrfHolds(a, sessions.csrf(a))).isTrue();
        assertThat(sessions.csrfHolds(a, sessions.csrf(b))).isFalse();
        assertThat(sessions.csrfHolds(a, null)).isFalse();
        assertThat(sessions.csrfHolds(a, "")).isFalse();
        // a form of the session's own page gets its token; another page's form a 403; no session: null
        assertThat(sessions.formToken(a, sessions.csrf(a))).isNotNull();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sessions.formToken(a, sessions.csrf(b)))
                .isInstanceOfSatisfying(
                        jakarta.ws.rs.WebApplicationException.class,
                        e -> assertThat(e.getResponse().getStatus()).isEqualTo(403));
        assertThat(sessions.formToken("no-such-session", "x")).isNull();
    }

    /** exp 12:30: alive at 12:29:59, gone at 12:30; idle 8 h: a session unused that long ends. */
    @Test
    void aSessionEndsWithItsTokenOrWhenIdle() {
        Moving clock = new Moving();
        Sessions sessions = new Sessions(clock, Duration.ofHours(8));
        String shortLived = sessions.open(jwt(T0.plusSeconds(1800).getEpochSecond()));
        clock.now = T0.plusSeconds(1799);
        assertThat(sessions.token(shortLived)).isNotNull();
        clock.now = T0.plusSeconds(1800);
        assertThat(sessions.token(shortLived)).isNull();

        clock.now = T0;
        String idle = sessions.open(jwt(T0.plus(Duration.ofDays(3)).getEpochSecond()));
        clock.now = T0.plus(Duration.ofHours(7));
        assertThat(sessions.token(idle)).isNotNull(); // used at 19:00: idle counts from here
        clock.now = T0.plus(Duration.ofHours(14)).plusSeconds(3599);
        assertThat(sessions.token(idle)).isNotNull();
        clock.now = T0.plus(Duration.ofHours(23));
        assertThat(sessions.token(idle)).isNull();
        // a token without a readable exp lives at most a day (and the services still check it)
        assertThat(Sessions.expiry("opaque", T0)).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(sessions.size()).isLessThanOrEqualTo(2);
    }

    @Test
    void originsAndTheSecureCookie() {
        assertThat(RequestGuard.normal("HTTP://LocalHost:18080/")).isEqualTo("http://localhost:18080");
        assertThat(RequestGuard.normal("https://sla.example.com:443")).isEqualTo("https://sla.example.com");
        assertThat(RequestGuard.normal("http://evil.example"))
                .isNotEqualTo(RequestGuard.normal("http://localhost:18080"));
        assertThat(RequestGuard.secure("auto", "http", null)).isFalse();
        assertThat(RequestGuard.secure("auto", "http", "https")).isTrue();
        assertThat(RequestGuard.secure("auto", "https", null)).isTrue();
        assertThat(RequestGuard.secure("true", "http", null)).isTrue();
        assertThat(RequestGuard.secure("false", "https", "https")).isFalse();
    }

    /** Operator controls are left out of pages for tokens that do not say "operator" (the API decides anyway). */
    @Test
    void onlyAnOperatorsSessionGetsTheOperatorsControls() {
        Sessions sessions = new Sessions(new Moving(), Duration.ofHours(8));
        Base64.Encoder b = Base64.getUrlEncoder().withoutPadding();
        String header = b.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        long exp = T0.plusSeconds(3600).getEpochSecond();
        String operator = header + "."
                + b.encodeToString(("{\"sub\":\"op\",\"groups\":[\"operator\"],\"exp\":" + exp + "}")
                        .getBytes(StandardCharsets.UTF_8))
                + ".sig";
        String customer = header + "."
                + b.encodeToString(("{\"sub\":\"c\",\"groups\":[\"customer\"],\"exp\":" + exp + "}")
                        .getBytes(StandardCharsets.UTF_8))
                + ".sig";
        assertThat(sessions.operates(sessions.open(operator))).isTrue();
        assertThat(sessions.operates(sessions.open(customer))).isFalse();
        assertThat(sessions.operates(sessions.open("not-a-jwt"))).isFalse();
        assertThat(sessions.operates("no-such-session")).isFalse();
    }
}
