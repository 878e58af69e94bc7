package com.slaledger.events;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.kafka.common.serialization.Deserializer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event survives serialiser and deserialiser unchanged, in the wire format SPEC §3 fixes. */
class EventRoundTripTest {

    private static final Instant T = Instant.parse("2026-10-03T14:05:00Z");
    private final EventSerializer serializer = new EventSerializer();

    private <T> T roundTrip(T event, Deserializer<? extends T> deserializer) {
        byte[] bytes = serializer.serialize("topic", event);
        return deserializer.deserialize("topic", bytes);
    }

    private String json(Object event) {
        return new String(serializer.serialize("topic", event), StandardCharsets.UTF_8);
    }

    @Test
    void healthObserved() throws Exception {
        var event = new HealthObserved(
                HealthObserved.dedupKey(null, "api", "probe-eu-1", T, HealthStatus.DOWN),
                null,
                "api",
                "probe-eu-1",
                HealthStatus.DOWN,
                T,
                30000L,
                "HTTP 503",
                T.plusSeconds(1));
        // the ledger reads these with its own streaming reader (ObservationRecordTest); the shape is the mapper's
        assertThat(EventJson.mapper().readValue(EventJson.mapper().writeValueAsBytes(event), HealthObserved.class))
                .isEqualTo(event);
        assertThat(json(event))
                .contains("\"observedAt\":\"2026-10-03T14:05:00Z\"")
                .contains("\"status\":\"DOWN\"")
                .doesNotContain("eventId");
    }

    @Test
    void dedupKeyPrefersTheEventIdAndOtherwiseUsesTheTuple() {
        assertThat(HealthObserved.dedupKey("b7c1", "api", "p", T, HealthStatus.UP))
                .isEqualTo("id:b7c1");
        assertThat(HealthObserved.dedupKey(null, "api", "p", T, HealthStatus.UP))
                .isEqualTo(HealthObserved.dedupKey("", "api", "p", T, HealthStatus.UP))
                .isNotEqualTo(HealthObserved.dedupKey(null, "api", "p", T, HealthStatus.DOWN));
    }

    @Test
    void ticketEventsKeepTheirType() {
        TicketEvent opened = new TicketOpened("t-1", "ZD-1001", "acme", "api", TicketKind.OUTAGE, "API returns 503", T);
        TicketEvent resolved = new TicketResolved(
                "t-1", "ZD-1001", "acme", "api", TicketKind.OUTAGE, "API returns 503", T, T.plusSeconds(600));
        assertThat(roundTrip(opened, new TicketEventDeserializer())).isEqualTo(opened);
        assertThat(roundTrip(resolved, new TicketEventDeserializer())).isEqualTo(resolved);
        assertThat(json(resolved)).contains("\"type\":\"TicketResolved\"");
    }

    @Test
    void contractChanged() {
        var event = new ContractChanged(
                "acme",
                3,
                new ContractChanged.Customer("Acme Ltd", List.of("sla@acme.example")),
                List.of("api", "web"),
                MeasurementPolicy.PROVIDER_MONITORED,
                new BigDecimal("99.9"),
                Duration.ofMinutes(5),
                "Europe/Lisbon",
                List.of(new ContractChanged.CreditTier(new BigDecimal("99.9"), new BigDecimal("10"))),
                new BigDecimal("100"),
                new Money(new BigDecimal("1000.00"), "EUR"),
                List.of(new ContractChanged.MaintenanceWindow(T, T.plusSeconds(7200), "DB upgrade")),
                T,
                new ContractChanged.Alerts(List.of("noc@provider.example"), List.of(new BigDecimal("50"))),
                "de");
        assertThat(roundTrip(event, new ContractChangedDeserializer())).isEqualTo(event);
        assertThat(json(event)).contains("\"minimumDowntime\":\"PT5M\"");
    }

    @Test
    void shortfallDetected() {
        var event = new ShortfallDetected(
                "acme",
                "2026-10",
                MeasurementPolicy.PROVIDER_MONITORED,
                2674800,
                2674,
                3600,
                new BigDecimal("99.8654"),
                new BigDecimal("99.9"),
                new BigDecimal("10"),
                new Money(new BigDecimal("100.00"), "EUR"),
                List.of(new DowntimeInterval(T, T.plusSeconds(3600), 3600, List.of("api"), true, null, false)),
                0,
                T);
        assertThat(roundTrip(event, new ShortfallDetectedDeserializer())).isEqualTo(event);
        assertThat(event.idempotencyKey()).isEqualTo("acme/2026-10/SHORTFALL/10");
    }

    @Test
    void statementIssued() {
        var event = new StatementIssued(
                "acme",
                "2026-10",
                2,
                Instant.parse("2026-09-30T23:00:00Z"),
                Instant.parse("2026-11-01T00:00:00Z"),
                MeasurementPolicy.CUSTOMER_TICKET,
                2674800,
                0,
                new BigDecimal("100.0000"),
                new BigDecimal("99.9"),
                true,
                BigDecimal.ZERO,
                null,
                List.of(new DowntimeInterval(T, null, 180, List.of("web"), false, "BELOW_MINIMUM", true)),
                0,
                T);
        assertThat(roundTrip(event, new StatementIssuedDeserializer())).isEqualTo(event);
        assertThat(event.idempotencyKey()).isEqualTo("acme/2026-10/STATEMENT/v2");
    }

    @Test
    void deadLettersKeepRawBytesAndWriteEventsAsJson() {
        var dead = new DeadLetterSerializer();
        byte[] raw = {1, 2, 3};
        assertThat(dead.serialize("t", raw)).isSameAs(raw);
        assertThat(new String(dead.serialize("t", new Money(BigDecimal.ONE, "EUR")), StandardCharsets.UTF_8))
                .isEqualTo("{\"amount\":1,\"currency\":\"EUR\"}");
    }

    @Test
    void anEventListsAtMostAThousandIntervalsAndCountsTheRest() {
        List<DowntimeInterval> many = new java.util.ArrayList<>();
        for (int k = 0; k < 2500; k++) {
            many.add(new DowntimeInterval(
                    T.plusSeconds(600L * k), T.plusSeconds(600L * k + 60), 60, List.of("api"), true, null, false));
        }
        assertThat(DowntimeInterval.listed(many)).hasSize(1000).isEqualTo(many.subList(0, 1000));
        assertThat(DowntimeInterval.omitted(many)).isEqualTo(1500);
        assertThat(DowntimeInterval.listed(many.subList(0, 3))).hasSize(3);
        assertThat(DowntimeInterval.omitted(many.subList(0, 3))).isZero();
    }
}
