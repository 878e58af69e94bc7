package com.slaledger.console.session;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.slaledger.console.ConsoleConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.Authenticated;

/**
 * Sign-in through an OIDC provider with the authorization code flow (quarkus-oidc, application
 * type web-app; off unless {@code quarkus.oidc.tenant-enabled} and the provider are configured).
 * Opening this page without a session sends the browser to the provider; back from it with a code,
 * quarkus-oidc has exchanged the code for tokens, and the provider's access token is kept in a
 * console session (the browser gets its opaque id only): it is what the console sends to the services, which check it with the
 * provider's keys (SPEC §12), so the roles and contracts are the provider's claims.
 */
@Path("/sign-in/oidc")
public class OidcSignIn {

    @Inject
    AccessTokenCredential accessToken;

    @Inject
    Sessions sessions;

    @Inject
    ConsoleConfig config;

    @GET
    @Authenticated
    public Response signedIn(@Context UriInfo uri, @Context HttpHeaders headers) {
        boolean secure = RequestGuard.secure(
                config.session().secure(), uri.getBaseUri().getScheme(), headers.getHeaderString("X-Forwarded-Proto"));
        return Response.seeOther(URI.create("/"))
                .cookie(Session.of(Session.COOKIE, sessions.open(accessToken.getToken()), secure))
                .build();
    }
}
