package com.slaledger.console.session;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * The session cookie (SPEC §12): an opaque id of a session {@link Sessions} keeps, HttpOnly so
 * scripts cannot read it, SameSite=Lax so other sites' forms do not carry it (the redirect back
 * from an identity provider, a top-level GET, keeps it), Secure over HTTPS.
 */
public final class Session {

    public static final String COOKIE = "sla_session";
    /** The double-submit cookie of the sign-in form (login CSRF), before there is a session. */
    public static final String SIGN_IN_COOKIE = "sla_sign_in";
    /** The form field every state-changing form carries: the session's CSRF token. */
    public static final String CSRF_FIELD = "csrf";

    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Session() {}

    public static NewCookie of(String name, String value, boolean secure) {
        return new NewCookie.Builder(name)
                .value(value)
                .path("/")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    public static NewCookie cleared(String name) {
        return new NewCookie.Builder(name).value("").path("/").maxAge(0).build();
    }

    public static Response toSignIn() {
        return Response.seeOther(URI.create("/sign-in")).build();
    }

    /** Not signed in (no live session: {@code token} null): to the sign-in page; an id that cannot be one: 404; else null. */
    public static Response refused(String token, String... ids) {
        if (token == null || token.isEmpty()) {
            return toSignIn();
        }
        for (String id : ids) {
            if (id == null || !ID.matcher(id).matches()) {
                return Response.status(404).build();
            }
        }
        return null;
    }
}
