package com.slaledger.monitor;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.slaledger.events.EventJson;
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

    /** Reads one element's fields (in the order the reader asked for them) with the prefix it is reported under ("" or "[i]."). */
    @FunctionalInterface
    public interface ElementReader {
        void read(Object[] fields, String prefix);
    }

    private static final JsonFactory JSON = EventJson.mapper().getFactory();

    /**
     * The body, one element or an array of 1 to {@code max} ({@code what} names them in messages),
     * read with Jackson's streaming parser one element's {@code fields} at a time, without a tree of
     * the whole batch (docs/benchmarks.md, "Intake"); each element's values in {@code fields} order
     * as {@link #value} reads them. A body that is not JSON at all is thrown as Jackson's exception
     * (a 400 problem).
     */
    public static void elements(
            byte[] body, int max, String what, String[] fields, ElementReader reader, List<Violation> v)
            throws IOException {
        try (JsonParser p = JSON.createParser(body == null ? new byte[0] : body)) {
            JsonToken t = p.nextToken();
            if (t == null || t == JsonToken.VALUE_NULL) {
                v.add(new Violation("", "a body is required: one " + what + " or an array of them"));
            } else if (t == JsonToken.START_ARRAY) {
                int count = 0;
                while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                    if (t == null) {
                        throw new JsonParseException(p, "unexpected end of the array");
                    }
                    if (count >= max) {
                        p.skipChildren(); // read on: a malformed rest is still an unreadable body
                    } else if (t == JsonToken.START_OBJECT) {
                        reader.read(fields(p, fields, "[" + count + "].", v), "[" + count + "].");
                    } else {
                        p.skipChildren();
                        v.add(new Violation("[" + count + "]", "must be a JSON object"));
                    }
                    count++;
                }
                if (count == 0 || count > max) {
                    v.clear();
                    v.add(new Violation("", "an array must hold 1 to " + max + " " + what + "s"));
                }
            } else if (t == JsonToken.START_OBJECT) {
                reader.read(fields(p, fields, "", v), "");
            } else {
                v.add(new Violation("", "must be a JSON object"));
            }
        }
    }

    /** A body already read into a tree, as the bytes {@link #elements} reads (tests, other callers). */
    public static byte[] bytes(JsonNode body) throws IOException {
        return body == null ? new byte[0] : EventJson.mapper().writeValueAsBytes(body);
    }

    /**
     * One element's {@code names}, in that order: a String, a Long (a whole number that fits),
     * {@link #OTHER}, or null when absent or null; the last of a repeated field counts, as in a tree.
     * A field of another name is a violation naming it (SPEC §9: a misspelled {@code obsevedAt}
     * must not pass as an element without one).
     */
    private static Object[] fields(JsonParser p, String[] names, String prefix, List<Violation> v) throws IOException {
        Object[] values = new Object[names.length];
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken token = p.nextToken();
            int index = -1;
            for (int i = 0; i < names.length; i++) {
                if (names[i].equals(name)) {
                    index = i;
                    break;
                }
            }
            Object value;
            if (token == JsonToken.VALUE_STRING) {
                value = p.getText();
            } else if (token == JsonToken.VALUE_NULL) {
                value = null;
            } else if (token == JsonToken.VALUE_NUMBER_INT
                    && (p.getNumberType() == JsonParser.NumberType.INT
                            || p.getNumberType() == JsonParser.NumberType.LONG)) {
                value = p.getLongValue();
            } else {
                p.skipChildren();
                value = OTHER;
            }
            if (index >= 0) {
                values[index] = value;
            } else {
                v.add(new Violation(
                        prefix + (name.length() > 64 ? name.substring(0, 64) + "…" : name),
                        "is not a field of this request; its fields: " + String.join(", ", names)));
            }
        }
        if (t != JsonToken.END_OBJECT) {
            throw new JsonParseException(p, "unexpected end of an object");
        }
        return values;
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
