package com.slaledger.ledger.observation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.slaledger.events.EventJson;
import com.slaledger.events.HealthObserved;
import com.slaledger.events.HealthStatus;
import com.slaledger.events.Instants;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fold reads records with its own streaming decoder: it must agree with data-binding through
 * the events' mapper on everything monitor-service writes, and refuse what that would refuse.
 */
class ObservationRecordTest {

    /** The fold's "now" in these tests: the ahead rule is relative to it. */
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @Property(tries = 500)
    void readsWhatTheMapperWrites(@ForAll("observations") HealthObserved event) throws Exception {
        byte[] json = EventJson.mapper().writeValueAsBytes(event);

        ObservationRecord.Decoded d = ObservationRecord.decode(json, NOW);

        HealthObserved bound = EventJson.mapper().readValue(json, HealthObserved.class);
        assertThat(d.problem()).isNull();
        assertThat(d.record().dedupKey()).isEqualTo(bound.dedupKey());
        assertThat(d.record().serviceId()).isEqualTo(bound.serviceId());
        assertThat(d.record().probeId()).isEqualTo(bound.probeId());
        assertThat(d.record().status()).isEqualTo(bound.status());
        assertThat(d.record().observedAt())
                .isEqualTo(bound.observedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    @Provide
    Arbitrary<HealthObserved> observations() {
        Arbitrary<String> ids =
                Arbitraries.strings().ofMinLength(1).ofMaxLength(64).excludeChars('\u0000');
        // 2000-01-01 .. 2026-09, with and without a fraction of the second
        Arbitrary<Instant> instants = Arbitraries.longs()
                .between(946_684_801L, 1_790_000_000L)
                .flatMap(s -> Arbitraries.of(0, 1, 2).flatMap(kind -> Arbitraries.integers()
                        .between(0, 999_999_999)
                        .map(n -> Instant.ofEpochSecond(
                                s, kind == 0 ? 0 : kind == 1 ? (n / 1_000_000) * 1_000_000 : n))));
        return net.jqwik.api.Combinators.combine(
                        ids, ids, Arbitraries.of(HealthStatus.class), instants, Arbitraries.of(true, false))
                .as((service, probe, status, at, withId) -> new HealthObserved(
                        HealthObserved.dedupKey(withId ? "ev-" + service : null, service, probe, at, status),
                        withId ? "ev-" + service : null,
                        service,
                        probe,
                        status,
                        at,
                        withId ? 12L : null,
                        withId ? "{\"nested\": [1, 2]}" : null,
                        at));
    }

    @Test
    void anInstantReadByHandIsTheInstantParsed() {
        for (String s : new String[] {
            "2026-10-01T00:00:00Z",
            "2024-02-29T23:59:59Z",
            "2026-10-01T12:00:05.5Z",
            "2026-10-01T12:00:05.123456789Z",
            "2000-01-01T00:00:01.000001Z"
        }) {
            assertThat(Instants.parse(s)).as(s).isEqualTo(Instant.parse(s));
        }
    }

    @Test
    void refusesWhatDataBindingRefuses() {
        assertThat(problem("{not json")).startsWith("unreadable record");
        assertThat(problem("[1,2]")).startsWith("unreadable record");
        assertThat(problem("{\"serviceId\": 5}"))
                .startsWith("unreadable record")
                .contains("serviceId");
        assertThat(problem(valid().replace("\"DOWN\"", "\"SIDEWAYS\""))).startsWith("unreadable record");
        assertThat(problem(valid().replace("2026-10-03T14:05:00Z", "2026-02-30T14:05:00Z")))
                .startsWith("unreadable record");
        assertThat(problem(valid().replace("2026-10-03T14:05:00Z", "2026-10-03T24:05:00Z")))
                .startsWith("unreadable record");
        assertThat(problem(valid().replace("2026-10-03T14:05:00Z", "yesterday")))
                .startsWith("unreadable record");
        assertThat(problem(valid() + "{}")).startsWith("unreadable record");
        assertThat(ObservationRecord.decode(null, NOW).problem()).startsWith("unreadable record");
    }

    @Test
    void refusesWhatCannotBeFolded() {
        assertThat(problem(valid().replace("\"probeId\":\"p1\",", ""))).startsWith("missing");
        assertThat(problem(valid().replace("2026-10-03T14:05:00Z", "-5000-01-01T00:00:00Z")))
                .contains("out of range");
        assertThat(problem(valid().replace("2026-10-03T14:05:00Z", "1999-12-31T23:59:59Z")))
                .contains("out of range");
        assertThat(problem(valid().replace("\"p1\"", "\"" + "p".repeat(65) + "\"")))
                .contains("too long");
    }

    @Test
    void takesUpToADayAheadOfTheGivenNow() {
        // NOW is 2026-11-20T12:00:00Z: a day ahead is taken, a second more is out of range, whatever
        // the system clock says
        assertThat(problem(valid().replace("2026-10-03T14:05:00Z", "2026-11-21T12:00:00Z")))
                .isNull();
        assertThat(problem(valid().replace("2026-10-03T14:05:00Z", "2026-11-21T12:00:01Z")))
                .contains("out of range");
    }

    @Test
    void skipsFieldsItDoesNotNeed() {
        ObservationRecord.Decoded d = ObservationRecord.decode(
                bytes(valid().replace("{", "{\"extra\":{\"a\":[1,{\"b\":null}]},\"latencyMs\":12,")), NOW);
        assertThat(d.problem()).isNull();
        assertThat(d.record().probeId()).isEqualTo("p1");
        assertThat(d.record().observedAt()).isEqualTo(Instant.parse("2026-10-03T14:05:00Z"));
        assertThat(d.record().observedMicros()).isEqualTo(1_791_036_300_000_000L);
    }

    @Test
    void keepsOneCopyOfEachIdWhenAsked() {
        java.util.Map<String, String> seen = new java.util.HashMap<>();
        ObservationRecord a = ObservationRecord.decode(bytes(valid()), id -> seen.computeIfAbsent(id, k -> k), NOW)
                .record();
        ObservationRecord b = ObservationRecord.decode(bytes(valid()), id -> seen.computeIfAbsent(id, k -> k), NOW)
                .record();
        assertThat(b.serviceId()).isSameAs(a.serviceId());
        assertThat(b.probeId()).isSameAs(a.probeId());
    }

    @Test
    void writesWhatItReadAsJson() throws Exception {
        ObservationRecord r = ObservationRecord.decode(bytes(valid()), NOW).record();
        HealthObserved back = EventJson.mapper().readValue(r.json(), HealthObserved.class);
        assertThat(back.dedupKey()).isEqualTo("tuple:s|p1");
        assertThat(back.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(back.observedAt()).isEqualTo(Instant.parse("2026-10-03T14:05:00Z"));
    }

    private static String valid() {
        return "{\"dedupKey\":\"tuple:s|p1\",\"serviceId\":\"s\",\"probeId\":\"p1\",\"status\":\"DOWN\","
                + "\"observedAt\":\"2026-10-03T14:05:00Z\"}";
    }

    private static String problem(String json) {
        return ObservationRecord.decode(bytes(json), NOW).problem();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
