package com.slaledger.console.session;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.slaledger.console.ConsoleConfig;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every state-changing request to the console (SPEC §12): one from another site is a 403 before
 * any handler runs. A browser names the page's origin in {@code Origin} (or, older ones, says
 * {@code Sec-Fetch-Site: cross-site}); it must be the console's own ({@code console.session.origins},
 * else the request's own scheme, host and port). The session's CSRF token is checked by each form's
 * handler ({@link Sessions#formToken}), so a same-site page on another port or a sibling subdomain,
 * which SameSite does not stop, cannot post either.
 */
public class RequestGuard {

    private final ConsoleConfig config;

    public RequestGuard(ConsoleConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response foreignOrigin(ContainerRequestContext request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        if (method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS")) {
            return null;
        }
        String origin = request.getHeaderString("Origin");
        String fetchSite = request.getHeaderString("Sec-Fetch-Site");
        boolean foreign;
        if (origin != null && !origin.isBlank()) {
            foreign = !own(request).contains(normal(origin));
        } else {
            foreign = "cross-site".equalsIgnoreCase(fetchSite);
        }
        return foreign
                ? forbidden("a request from another site (Origin " + origin + ") may not change anything here")
                : null;
    }

    private List<String> own(ContainerRequestContext request) {
        return config.session()
                .origins()
                .map(list -> list.stream().map(RequestGuard::normal).toList())
                .orElseGet(
                        () -> List.of(normal(request.getUriInfo().getBaseUri().toString())));
    }

    /** scheme://host[:port], lower case, without a path or a default port. */
    static String normal(String origin) {
        try {
            URI u = URI.create(origin.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
            int port = u.getPort();
            boolean usual =
                    port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + host + (usual ? "" : ":" + port);
        } catch (IllegalArgumentException e) {
            return "invalid:" + origin;
        }
    }

    /** The 403 page a refused form gets. */
    public static Response forbidden(String why) {
        return Response.status(403)
                .type(MediaType.TEXT_PLAIN_TYPE)
                .entity("Forbidden: " + why + ".")
                .build();
    }

    /** Whether the cookie should be Secure ({@code console.session.secure}: auto, true or false). */
    public static boolean secure(String setting, String scheme, String forwardedProto) {
        return switch (setting.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> "https".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(forwardedProto);
        };
    }
}
