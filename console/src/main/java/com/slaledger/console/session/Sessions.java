package com.slaledger.console.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.console.ConsoleConfig;

/**
 * The console's sessions, kept on the server (SPEC §12): the browser holds only an opaque,
 * random id; the bearer token it stands for never leaves this process. A session ends at sign-out,
 * when its token expires, or after {@code console.session.idle} without a request. Each session has
 * its own CSRF token, which every state-changing form carries back.
 *
 * <p>Kept in this instance's memory: a restart signs everyone out, and several console instances
 * need sticky sessions at their load balancer (docs/operations.md, "The console's sessions").
 */
@ApplicationScoped
public class Sessions {

    /** What a session holds. */
    public record Entry(String token, String csrf, Instant expires, Instant lastUsed) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Entry> open = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Duration idle;

    /**
     * On the wall clock, not the console's business clock (which tests may shift): a token's
     * {@code exp} is wall-clock time.
     */
    @Inject
    public Sessions(ConsoleConfig config) {
        this(Clock.systemUTC(), config.session().idle());
    }

    Sessions(Clock clock, Duration idle) {
        this.clock = clock;
        this.idle = idle;
    }

    /** A new session for a token that a service accepted; its id (for the cookie). */
    public String open(String token) {
        Instant now = clock.instant();
        sweep(now);
        String id = random();
        open.put(id, new Entry(token, random(), expiry(token, now), now));
        return id;
    }

    /** The bearer token of a live session; null when there is none under that id (or it has ended). */
    public String token(String id) {
        Entry e = live(id);
        return e == null ? null : e.token();
    }

    /** The CSRF token of a live session, for the page's forms; null without one. */
    public String csrf(String id) {
        Entry e = live(id);
        return e == null ? null : e.csrf();
    }

    /** Whether {@code csrf} is the live session's own (compared in constant time). */
    public boolean csrfHolds(String id, String csrf) {
        Entry e = live(id);
        return e != null && csrf != null && same(e.csrf(), csrf);
    }

    /**
     * The bearer token of the session a form was posted in: null without a live session (the
     * handler sends the browser to sign in), a 403 (thrown, answered as it is) when the form does
     * not carry the session's own CSRF token.
     */
    public String formToken(String id, String csrf) {
        Entry e = live(id);
        if (e == null) {
            return null;
        }
        if (csrf == null || !same(e.csrf(), csrf)) {
            throw new WebApplicationException(
                    RequestGuard.forbidden("the form was not this console's own page (reload it)"));
        }
        return e.token();
    }

    /** Sign-out: the session ends here, whatever the token's own lifetime. */
    public void end(String id) {
        if (id != null) {
            open.remove(id);
        }
    }

    /** Sessions open now (expired ones go at the next sign-in). */
    public int size() {
        return open.size();
    }

    private Entry live(String id) {
        if (id == null || id.isEmpty()) {
            return null;
        }
        Entry e = open.get(id);
        if (e == null) {
            return null;
        }
        Instant now = clock.instant();
        if (!now.isBefore(e.expires()) || !now.isBefore(e.lastUsed().plus(idle))) {
            open.remove(id);
            return null;
        }
        open.replace(id, e, new Entry(e.token(), e.csrf(), e.expires(), now));
        return e;
    }

    private void sweep(Instant now) {
        open.entrySet()
                .removeIf(x -> !now.isBefore(x.getValue().expires())
                        || !now.isBefore(x.getValue().lastUsed().plus(idle)));
    }

    /** The token's own expiry (claim exp, read, not verified: the services verify it), at most a day away. */
    static Instant expiry(String token, Instant now) {
        Instant latest = now.plus(Duration.ofDays(1));
        JsonNode claims = claims(token);
        if (claims.path("exp").canConvertToLong()) {
            Instant exp = Instant.ofEpochSecond(claims.path("exp").asLong());
            return exp.isBefore(latest) ? exp : latest;
        }
        return latest;
    }

    /**
     * Whether the live session's token says it is an operator's (claim groups, read, not
     * verified): only to leave out of a page the controls nobody else may use. Every action is
     * still the API's to allow or refuse.
     */
    public boolean operates(String id) {
        return hasRole(id, "operator");
    }

    /** Whether the live session's token names {@code role} (read, not verified: for leaving controls out). */
    public boolean hasRole(String id, String role) {
        Entry e = live(id);
        if (e == null) {
            return false;
        }
        for (JsonNode group : claims(e.token()).path("groups")) {
            if (role.equals(group.asText())) {
                return true;
            }
        }
        return false;
    }

    /** A JWT's claims as read (not verified); empty when it is not one the console can read. */
    private static JsonNode claims(String token) {
        String[] parts = token.split("\\.");
        if (parts.length == 3) {
            try {
                return JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            } catch (Exception e) {
                // not a JWT the console can read: the services will say whether it holds
            }
        }
        return JSON.createObjectNode();
    }

    static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
