package com.slaledger.support.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure of every endpoint into an RFC 9457 problem body (SPEC §9): the client's
 * mistakes become 4xx naming the offending fields, anything else a 500 with no internals.
 */
public class ProblemMapper {

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = respond(e.toProblem(path(uri)));
        if (e.retryAfter() != null) {
            // whole seconds, rounded up, never 0
            long seconds = Math.max(1, (e.retryAfter().toMillis() + 999) / 1000);
            response.getHeaders().putSingle("Retry-After", Long.toString(seconds));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            for (Path.Node node : v.getPropertyPath()) {
                if (node.getKind() == ElementKind.RETURN_VALUE) {
                    Log.error("a response failed its own validation", e);
                    return respond(internal(path(uri)));
                }
            }
            violations.add(new Violation(fieldOf(v.getPropertyPath().toString()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Violation::field));
        return respond(ProblemException.invalid(violations).toProblem(path(uri)));
    }

    /**
     * A field the request does not know (SPEC §9): a 400 naming it, so that a misspelled term
     * ({@code minimumDowntme}) never falls back silently to its default.
     */
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        List<String> known = new ArrayList<>();
        if (e.getKnownPropertyIds() != null) {
            e.getKnownPropertyIds().forEach(k -> known.add(String.valueOf(k)));
        }
        Collections.sort(known);
        String message =
                "is not a field of this request" + (known.isEmpty() ? "" : "; its fields: " + String.join(", ", known));
        return respond(ProblemException.invalid(List.of(new Violation(JsonPaths.of(e.getPath()), message)))
                .toProblem(path(uri)));
    }

    /** Quarkus maps these Jackson subtypes itself unless a mapper names them exactly. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unparseable(JsonParseException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException m ? JsonPaths.of(m.getPath()) : "";
        String message = e.getOriginalMessage() == null ? "unreadable JSON" : firstLine(e.getOriginalMessage());
        return respond(new Problem(
                ProblemTypes.MALFORMED,
                "Malformed request body",
                400,
                "The body is not valid JSON of the expected shape",
                path(uri),
                List.of(new Violation(field, message))));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            Log.error("request failed", e);
            return respond(internal(path(uri)));
        }
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return respond(new Problem(ProblemTypes.HTTP, title, status, e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (DatabaseDown.is(e)) {
            // SPEC §19: the database is down or out of reach: say so, and when to ask again
            Log.warnf("request refused, the database cannot be reached: %s", e.toString());
            return problem(
                    ProblemException.unavailable(
                            "the database cannot be reached right now; nothing was changed: ask again",
                            DatabaseDown.RETRY_AFTER),
                    uri);
        }
        Log.error("request failed", e);
        return respond(internal(path(uri)));
    }

    private static Problem internal(String instance) {
        return new Problem(
                ProblemTypes.INTERNAL,
                "Internal error",
                500,
                "The request could not be completed; it has been logged",
                instance,
                null);
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status())
                .type(Problem.MEDIA_TYPE)
                .entity(problem)
                .build();
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /** "create.arg0.customer.name" → "customer.name": drop the method and parameter segments. */
    static String fieldOf(String propertyPath) {
        String[] parts = propertyPath.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }
}
