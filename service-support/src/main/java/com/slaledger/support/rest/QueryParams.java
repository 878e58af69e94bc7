package com.slaledger.support.rest;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Query parameters that clients get wrong: a 400 problem naming the parameter, never a 500. */
public final class QueryParams {

    private QueryParams() {}

    /** An ISO-8601 UTC instant, or null when the parameter is absent or blank. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 UTC instant, e.g. 2026-10-03T14:05:00Z");
        }
    }
}
