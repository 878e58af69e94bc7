package com.slaledger.console.session;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.slaledger.client.SlaClient;
import com.slaledger.console.ConsoleConfig;
import com.slaledger.console.Services;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signing in and out (SPEC §12, §14): a pasted token (the local stack's {@code stack token ROLE})
 * is taken if a service accepts it; with OIDC sign-in on, {@link OidcSignIn} takes the provider's
 * token instead. Signing out forgets the token and, with OIDC, ends the provider's session.
 */
@Path("/")
public class SignInPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String error, String provider);
    }

    private final Services services;
    private final boolean oidcEnabled;
    private final String oidcProvider;

    public SignInPage(
            Services services,
            ConsoleConfig config,
            @ConfigProperty(name = "quarkus.oidc.tenant-enabled", defaultValue = "false") boolean oidcEnabled) {
        this.services = services;
        this.oidcEnabled = oidcEnabled;
        this.oidcProvider = config.oidc().providerName();
    }

    @GET
    @Path("sign-in")
    @Produces(MediaType.TEXT_HTML)
    public String signInForm() {
        return Templates.signIn(null, provider()).render();
    }

    /** Takes a token (the local stack's `stack token ROLE`) if a service accepts it. */
    @POST
    @Path("sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("token") String token) {
        String t = token == null ? "" : token.strip();
        SlaClient.Reply probe = services.get(t, services.ledger("/api/v1/contracts?limit=1"));
        if (t.isEmpty() || probe.status() == 401) {
            return Response.status(401)
                    .entity(Templates.signIn("That token was not accepted: " + probe.problem(), provider())
                            .render())
                    .build();
        }
        return Response.seeOther(URI.create("/")).cookie(Session.of(t)).build();
    }

    /**
     * Forgets the token; with OIDC sign-in on, also ends the provider's session (quarkus-oidc
     * answers {@code /sign-out/oidc} with the provider's logout, which comes back to /sign-in).
     */
    @POST
    @Path("sign-out")
    public Response signOut() {
        return Response.seeOther(URI.create(oidcEnabled ? "/sign-out/oidc" : "/sign-in"))
                .cookie(Session.cleared())
                .build();
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
