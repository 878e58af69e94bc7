package com.slaledger.support.security;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.slaledger.support.rest.Problem;
import com.slaledger.support.rest.ProblemTypes;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * 401 and 403 as RFC 9457 problems, like every other error. Authentication is not proactive
 * ({@code quarkus.http.auth.proactive=false}), so a missing or bad token reaches these mappers
 * instead of an empty 401 from the HTTP layer.
 */
public class SecurityProblems {

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return respond(
                new Problem(
                        ProblemTypes.UNAUTHORIZED,
                        "Unauthorized",
                        401,
                        "a valid bearer token is required (Authorization: Bearer <token>)",
                        uri == null ? null : uri.getPath(),
                        null),
                true);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(
                new Problem(
                        ProblemTypes.FORBIDDEN,
                        "Forbidden",
                        403,
                        "the token's role does not allow this",
                        uri == null ? null : uri.getPath(),
                        null),
                false);
    }

    private static Response respond(Problem problem, boolean challenge) {
        Response.ResponseBuilder response =
                Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (challenge) {
            response.header("WWW-Authenticate", "Bearer");
        }
        return response.build();
    }
}
