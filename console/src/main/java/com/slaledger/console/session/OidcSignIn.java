package com.slaledger.console.session;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.Authenticated;

/**
 * Sign-in through an OIDC provider with the authorization code flow (quarkus-oidc, application
 * type web-app; off unless {@code quarkus.oidc.tenant-enabled} and the provider are configured).
 * Opening this page without a session sends the browser to the provider; back from it with a code,
 * quarkus-oidc has exchanged the code for tokens, and the provider's access token becomes the
 * console's session: it is what the console sends to the services, which check it with the
 * provider's keys (SPEC §12), so the roles and contracts are the provider's claims.
 */
@Path("/sign-in/oidc")
public class OidcSignIn {

    @Inject
    AccessTokenCredential accessToken;

    @GET
    @Authenticated
    public Response signedIn() {
        return Response.seeOther(URI.create("/"))
                .cookie(Session.of(accessToken.getToken()))
                .build();
    }
}
