package com.slaledger.support.rest;

import java.io.IOException;
import java.time.Instant;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.slaledger.events.Instants;
import io.quarkus.jackson.ObjectMapperCustomizer;

/**
 * The REST APIs write JSON as the wire format of SPEC §3 wants it, like EventJson does on Kafka:
 * durations as ISO-8601 ({@code PT5M}), decimals in plain notation ({@code 10}, never {@code 1E+1});
 * and read request bodies strictly: a field the request does not know is a 400 naming it (SPEC §9;
 * ProblemMapper.unknownField). Events on Kafka are read by EventJson, which ignores unknown fields
 * (a newer sender may add some); the help desks' and Alertmanager's webhooks are read as trees.
 */
@Singleton
public class JsonCustomizer implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS);
        mapper.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN);
        mapper.registerModule(new SimpleModule("instants").addSerializer(Instant.class, new InstantWriter()));
    }

    /**
     * Instants as {@code Instant.toString()} writes them, which is what Jackson's
     * {@code InstantSerializer} writes with its ISO formatter, without that formatter: a statement
     * of 10,000 intervals writes 20,000 of them (docs/benchmarks.md, "Statement query").
     */
    static final class InstantWriter extends StdSerializer<Instant> {

        InstantWriter() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(Instants.format(value));
        }
    }
}
