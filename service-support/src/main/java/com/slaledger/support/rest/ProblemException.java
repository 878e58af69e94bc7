package com.slaledger.support.rest;

import java.time.Duration;
import java.util.List;

/**
 * A client error that the service detected itself, turned into a problem response by
 * {@link ProblemMapper}. Throw it (or fail a Uni with it) instead of building responses by hand.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Violation> violations;
    private final Duration retryAfter;

    public ProblemException(int status, String type, String title, String detail, List<Violation> violations) {
        this(status, type, title, detail, violations, null);
    }

    private ProblemException(
            int status, String type, String title, String detail, List<Violation> violations, Duration retryAfter) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.violations = violations == null ? List.of() : List.copyOf(violations);
        this.retryAfter = retryAfter;
    }

    /** 400: the request is malformed; every offending field is named. */
    public static ProblemException invalid(List<Violation> violations) {
        String detail = violations.size() == 1 ? "1 field is invalid" : violations.size() + " fields are invalid";
        return new ProblemException(400, ProblemTypes.VALIDATION, "Invalid request", detail, violations);
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    /** 404: nothing is stored under that id. */
    public static ProblemException notFound(String what) {
        return new ProblemException(404, ProblemTypes.NOT_FOUND, "Not found", what + " does not exist", null);
    }

    /** 400: a body that cannot be read at all (not JSON). */
    public static ProblemException malformed(String detail) {
        return new ProblemException(400, ProblemTypes.MALFORMED, "Malformed request body", detail, null);
    }

    /** 401: no credential, or one that does not hold (a bad signature, an expired token). */
    public static ProblemException unauthorized(String detail) {
        return new ProblemException(401, ProblemTypes.UNAUTHORIZED, "Unauthorized", detail, null);
    }

    /** 403: a valid token whose role or limits do not allow this. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, ProblemTypes.FORBIDDEN, "Forbidden", detail, null);
    }

    /** 409: the request does not fit the resource's current state (e.g. already decided). */
    public static ProblemException conflict(String detail) {
        return new ProblemException(409, ProblemTypes.CONFLICT, "Conflict", detail, null);
    }

    /** 422: well-formed, but it refers to something that does not fit (e.g. an unknown contract). */
    public static ProblemException unprocessable(String detail, List<Violation> violations) {
        return new ProblemException(422, ProblemTypes.UNPROCESSABLE, "Unprocessable request", detail, violations);
    }

    /** 429: asked again too soon; the answer carries Retry-After. */
    public static ProblemException tooManyRequests(String detail, Duration retryAfter) {
        return new ProblemException(429, ProblemTypes.TOO_MANY_REQUESTS, "Too many requests", detail, null, retryAfter);
    }

    /** 503: the service cannot answer now (busy, or a server it needs is down); the answer carries Retry-After. */
    public static ProblemException unavailable(String detail, Duration retryAfter) {
        return new ProblemException(503, ProblemTypes.UNAVAILABLE, "Service unavailable", detail, null, retryAfter);
    }

    /** How long the client should wait before asking again, for a Retry-After header; or null. */
    public Duration retryAfter() {
        return retryAfter;
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(type, title, status, getMessage(), instance, violations.isEmpty() ? null : violations);
    }
}
