package com.slaledger.events;

import java.time.Instant;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/** The hand-written writer produces the very bytes data-binding with the events' mapper does. */
class HealthObservedJsonTest {

    @Property(tries = 1000)
    void writesTheBytesTheMapperWrites(@ForAll("events") HealthObserved e) throws Exception {
        assertThat(new String(HealthObservedJson.write(e), "UTF-8"))
                .isEqualTo(new String(EventJson.mapper().writeValueAsBytes(e), "UTF-8"));
    }

    @Provide
    Arbitrary<HealthObserved> events() {
        Arbitrary<String> text =
                Arbitraries.strings().ofMinLength(1).ofMaxLength(40).injectNull(0.2);
        Arbitrary<Instant> at = Arbitraries.longs()
                .between(946_684_801L, 4_102_444_800L)
                .flatMap(s -> Arbitraries.integers()
                        .between(0, 999_999_999)
                        .flatMap(n -> Arbitraries.of(0, n / 1_000_000 * 1_000_000, n / 1000 * 1000, n))
                        .map(n -> Instant.ofEpochSecond(s, n)))
                .injectNull(0.1);
        return Combinators.combine(
                        text,
                        text,
                        text,
                        Arbitraries.of(HealthStatus.class).injectNull(0.1),
                        at,
                        Arbitraries.longs().between(0, Long.MAX_VALUE).injectNull(0.5),
                        text,
                        at)
                .as((id, service, probe, status, observed, latency, detail, received) -> new HealthObserved(
                        id == null ? null : "id:" + id,
                        id,
                        service,
                        probe,
                        status,
                        observed,
                        latency,
                        detail,
                        received));
    }
}
