package com.slaledger.console.session;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/**
 * The signed-in person's bearer token, kept in an HttpOnly cookie that scripts cannot read and
 * that other sites' forms do not carry (SameSite=Lax: a cross-site POST comes without it, while
 * the redirect back from an identity provider, a top-level GET, keeps it).
 */
public final class Session {

    public static final String COOKIE = "sla_session";
    public static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Session() {}

    public static NewCookie of(String token) {
        return new NewCookie.Builder(COOKIE)
                .value(token)
                .path("/")
                .httpOnly(true)
                .sameSite(NewCookie.SameSite.LAX)
                .build();
    }

    public static NewCookie cleared() {
        return new NewCookie.Builder(COOKIE).value("").path("/").maxAge(0).build();
    }

    public static Response toSignIn() {
        return Response.seeOther(URI.create("/sign-in")).build();
    }

    /** Not signed in: to the sign-in page; an id that cannot be one: 404; else null. */
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
