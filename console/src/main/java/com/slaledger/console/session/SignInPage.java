package com.slaledger.console.session;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.slaledger.client.SlaClient;
import com.slaledger.console.ConsoleConfig;
import com.slaledger.console.Services;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing in and out (SPEC §12, §14): a pasted token (the local stack's {@code stack token ROLE})
 * is taken if a service accepts it; with OIDC sign-in on, {@link OidcSignIn} takes the provider's
 * token instead. Either way the token stays here ({@link Sessions}); the browser gets a session id.
 * Signing out ends the session and, with OIDC, the provider's.
 */
@Path("/")
public class SignInPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String error, String provider, String csrf);
    }

    private final Services services;
    private final Sessions sessions;
    private final ConsoleConfig config;
    private final boolean oidcEnabled;
    private final String oidcProvider;

    public SignInPage(
            Services services,
            Sessions sessions,
            ConsoleConfig config,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean oidcEnabled) {
        this.services = services;
        this.sessions = sessions;
        this.config = config;
        this.oidcEnabled = oidcEnabled;
        this.oidcProvider = config.oidc().providerName();
    }

    /**
     * The form, with a fresh token in both a hidden field and a cookie (double submit): a form on
     * another site cannot know it, so nobody can sign a browser in under their own token (login CSRF).
     */
    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public Response signInForm(@Context UriInfo uri, @Context HttpHeaders headers) {
        return form(200, null, uri, headers);
    }

    /** Takes a token (the local stack's `stack token ROLE`) if a service accepts it: a new session. */
    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(
            @FormParam("token") String token,
            @FormParam(Session.CSRF_FIELD) String csrf,
            @CookieParam(Session.SIGN_IN_COOKIE) String expected,
            @Context UriInfo uri,
            @Context HttpHeaders headers) {
        if (csrf == null || expected == null || expected.isEmpty() || !Sessions.same(expected, csrf)) {
            return RequestGuard.forbidden("the sign-in form was not this console's own (reload the sign-in page)");
        }
        String t = token == null ? "" : token.strip();
        SlaClient.Reply probe = services.get(t, services.ledger("/api/v1/contracts?limit=1"));
        if (t.isEmpty() || probe.status() == 401) {
            return form(401, "That token was not accepted: " + probe.problem(), uri, headers);
        }
        return Response.seeOther(URI.create("/"))
                .cookie(Session.of(Session.COOKIE, sessions.open(t), secure(uri, headers)))
                .cookie(Session.cleared(Session.SIGN_IN_COOKIE))
                .build();
    }

    /**
     * Ends the session here (its token is forgotten, whatever its own lifetime); with OIDC sign-in
     * on, also the provider's (quarkus-oidc answers {@code /sign-out/oidc} with the provider's
     * logout, which comes back to /sign-in). Only the page's own form may: its CSRF token.
     */
    @POST
    @Path("sign-out")
    public Response signOut(@CookieParam(Session.COOKIE) String session, @FormParam(Session.CSRF_FIELD) String csrf) {
        if (sessions.formToken(session, csrf) != null) {
            sessions.end(session);
        }
        return Response.seeOther(URI.create(oidcEnabled ? "/sign-out/oidc" : "/sign-in"))
                .cookie(Session.cleared(Session.COOKIE))
                .build();
    }

    private Response form(int status, String error, UriInfo uri, HttpHeaders headers) {
        String nonce = Sessions.random();
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.signIn(error, provider(), nonce).render())
                .cookie(Session.of(Session.SIGN_IN_COOKIE, nonce, secure(uri, headers)))
                .build();
    }

    private boolean secure(UriInfo uri, HttpHeaders headers) {
        return RequestGuard.secure(
                config.session().secure(), uri.getBaseUri().getScheme(), headers.getHeaderString("X-Forwarded-Proto"));
    }

    /** Reached only without a provider session (with one, quarkus-oidc logs out first). */
    @GET
    @Path("sign-out/oidc")
    public Response signedOut() {
        return Session.toSignIn();
    }

    private String provider() {
        return oidcEnabled ? oidcProvider : null;
    }
}
