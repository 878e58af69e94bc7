package com.slaledger.support.rest;

import java.time.Instant;
import java.util.List;
import java.util.Random;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The APIs' own instant writer writes what Jackson's InstantSerializer wrote before it. */
class JsonCustomizerTest {

    record Interval(Instant start, Instant end, List<Instant> marks) {}

    @Test
    void writesInstantsAsJacksonDid() throws Exception {
        ObjectMapper jackson = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        ObjectMapper ours = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        new JsonCustomizer().customize(ours);
        Random random = new Random(42);
        for (int i = 0; i < 5000; i++) {
            long second = 946_684_800L + (long) (random.nextDouble() * 3_000_000_000L);
            int nanos =
                    switch (i % 4) {
                        case 0 -> 0;
                        case 1 -> random.nextInt(1000) * 1_000_000;
                        case 2 -> random.nextInt(1_000_000) * 1000;
                        default -> random.nextInt(1_000_000_000);
                    };
            Interval v = new Interval(
                    Instant.ofEpochSecond(second, nanos),
                    i % 7 == 0 ? null : Instant.ofEpochSecond(second + i),
                    List.of());
            assertThat(ours.writeValueAsString(v)).isEqualTo(jackson.writeValueAsString(v));
        }
        assertThat(ours.writeValueAsString(new Interval(
                        Instant.parse("2026-10-03T14:05:00Z"),
                        null,
                        List.of(Instant.parse("2026-10-03T14:05:00.120Z")))))
                .isEqualTo(
                        "{\"start\":\"2026-10-03T14:05:00Z\",\"end\":null,\"marks\":[\"2026-10-03T14:05:00.120Z\"]}");
    }
}
