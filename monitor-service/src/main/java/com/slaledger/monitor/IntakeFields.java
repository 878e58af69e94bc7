package com.slaledger.monitor;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.events.Instants;
import com.slaledger.events.Limits;
import com.slaledger.support.rest.Violation;

/**
 * What every intake body of monitor-service shares (health events, duty events): one element or
 * an array of 1 to {@code max}, each element an object, optional texts and instants checked the
 * same way, every bad field named with its element's prefix ({@code [3].observedAt}).
 */
public final class IntakeFields {

    private IntakeFields() {}

    /** Reads one element (an object) with the field prefix it is reported under ("" or "[i]."). */
    @FunctionalInterface
    public interface ElementReader {
        void read(JsonNode element, String prefix);
    }

    /** The body: one element or an array of 1 to {@code max}; {@code what} names them in messages. */
    public static void elements(JsonNode body, int max, String what, ElementReader reader, List<Violation> v) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            v.add(new Violation("", "a body is required: one " + what + " or an array of them"));
        } else if (body.isArray()) {
            if (body.isEmpty() || body.size() > max) {
                v.add(new Violation("", "an array must hold 1 to " + max + " " + what + "s"));
            } else {
                for (int i = 0; i < body.size(); i++) {
                    object(body.get(i), "[" + i + "].", reader, v);
                }
            }
        } else {
            object(body, "", reader, v);
        }
    }

    private static void object(JsonNode node, String prefix, ElementReader reader, List<Violation> v) {
        if (!node.isObject()) {
            v.add(new Violation(
                    prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), "must be a JSON object"));
            return;
        }
        reader.read(node, prefix);
    }

    /**
     * Stands for a value of a type no field takes (a number where text is due, an object, a
     * boolean): what {@link #value} gives for it, and what a streaming reader records for it.
     */
    public static final Object OTHER = new Object();

    /** A field's value as the rules read it: a String, a Long (a whole number that fits), {@link #OTHER}, or null. */
    public static Object value(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        return OTHER;
    }

    /** An optional text of 1 to {@code max} characters ({@link #value} of the field); null when absent or bad. */
    public static String optionalText(Object value, String field, String prefix, int max, List<Violation> v) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.isEmpty() || text.length() > max) {
            v.add(new Violation(prefix + field, "must be a string of 1 to " + max + " characters"));
            return null;
        }
        return text;
    }

    /**
     * A required instant ({@link #value} of the field), at most {@code skew} ahead of {@code now}
     * and within the late horizon (SPEC §11), truncated to the second; null when absent or bad.
     */
    public static Instant instant(
            Object value,
            String field,
            String prefix,
            Instant now,
            Duration skew,
            Duration lateHorizon,
            String example,
            List<Violation> v) {
        if (value == null) {
            v.add(new Violation(prefix + field, "is required"));
            return null;
        }
        Instant at;
        try {
            at = value instanceof String text ? Instants.parse(text) : null;
        } catch (DateTimeParseException e) {
            at = null;
        }
        if (at == null) {
            v.add(new Violation(prefix + field, "must be an ISO-8601 UTC instant, e.g. " + example));
            return null;
        }
        if (at.isAfter(now.plus(skew))) {
            v.add(new Violation(prefix + field, "must not be more than " + skew + " ahead of the server clock"));
            return null;
        }
        String range = Limits.instantProblem(at, now, lateHorizon);
        if (range != null) {
            v.add(new Violation(prefix + field, range));
            return null;
        }
        return at.truncatedTo(ChronoUnit.SECONDS);
    }
}
