package com.slaledger.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

/**
 * Writes a {@link HealthObserved} exactly as {@link EventJson} data-binding does (same fields, same
 * order, absent ones left out, instants as {@code Instant.toString()}), with the streaming
 * generator and {@link Instants#format}: intake writes one per observation, and the bean
 * serialiser with its {@code InstantSerializer} showed in its profile (docs/benchmarks.md, "Intake").
 * And reads back, with the streaming parser, the fields a fold needs ({@link #read}): the format's
 * writer and reader side by side, in the module that owns the format.
 */
public final class HealthObservedJson {

    private static final JsonFactory JSON = EventJson.mapper().getFactory();

    private HealthObservedJson() {}

    public static byte[] write(HealthObserved e) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(256);
                JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            text(g, "dedupKey", e.dedupKey());
            text(g, "eventId", e.eventId());
            text(g, "serviceId", e.serviceId());
            text(g, "probeId", e.probeId());
            if (e.status() != null) {
                g.writeStringField("status", e.status().name());
            }
            if (e.observedAt() != null) {
                g.writeStringField("observedAt", Instants.format(e.observedAt()));
            }
            if (e.latencyMs() != null) {
                g.writeNumberField("latencyMs", e.latencyMs());
            }
            text(g, "detail", e.detail());
            if (e.receivedAt() != null) {
                g.writeStringField("receivedAt", Instants.format(e.receivedAt()));
            }
            g.writeEndObject();
            g.flush();
            return out.toByteArray();
        } catch (IOException x) {
            throw new UncheckedIOException(x);
        }
    }

    /** What a fold needs of an observation record: any may be missing (null). */
    public record Folded(String dedupKey, String serviceId, String probeId, HealthStatus status, Instant observedAt) {}

    /**
     * Reads the fields a fold needs from one record's value, skipping the others (unknown ones too,
     * as the mapper does); an {@link IllegalArgumentException} says what is unreadable.
     */
    public static Folded read(byte[] value) {
        if (value == null) {
            throw new IllegalArgumentException("no value");
        }
        String dedupKey = null;
        String serviceId = null;
        String probeId = null;
        HealthStatus status = null;
        Instant observedAt = null;
        try (JsonParser p = JSON.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                switch (field) {
                    case "dedupKey" -> dedupKey = text(p, v, field);
                    case "serviceId" -> serviceId = text(p, v, field);
                    case "probeId" -> probeId = text(p, v, field);
                    case "status" -> {
                        String s = text(p, v, field);
                        status = s == null ? null : HealthStatus.valueOf(s);
                    }
                    case "observedAt" -> {
                        String s = text(p, v, field);
                        observedAt = s == null ? null : Instants.parse(s);
                    }
                    default -> p.skipChildren();
                }
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new IllegalArgumentException("not one JSON object");
            }
        } catch (IOException | DateTimeParseException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        return new Folded(dedupKey, serviceId, probeId, status, observedAt);
    }

    private static String text(JsonParser p, JsonToken v, String field) throws IOException {
        if (v == JsonToken.VALUE_NULL) {
            return null;
        }
        if (v != JsonToken.VALUE_STRING) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return p.getText();
    }

    private static void text(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }
}
