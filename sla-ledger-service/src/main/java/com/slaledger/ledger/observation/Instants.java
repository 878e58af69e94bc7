package com.slaledger.ledger.observation;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.slaledger.support.ProblemException;

/** Query-parameter instants: ISO-8601 UTC, a 400 naming the parameter otherwise. */
final class Instants {

    private Instants() {}

    static Instant parseOr(String name, String value, Instant fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "must be an ISO-8601 UTC instant, e.g. 2026-10-03T14:05:00Z");
        }
    }
}
