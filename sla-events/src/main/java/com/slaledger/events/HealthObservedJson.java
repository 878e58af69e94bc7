package com.slaledger.events;

import java.io.IOException;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

/**
 * Writes a {@link HealthObserved} exactly as {@link EventJson} data-binding does (same fields, same
 * order, absent ones left out, instants as {@code Instant.toString()}), with the streaming
 * generator and {@link Instants#format}: intake writes one per observation, and the bean
 * serialiser with its {@code InstantSerializer} showed in its profile (docs/benchmarks.md, "Intake").
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

    private static void text(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }
}
