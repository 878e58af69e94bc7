package com.slaledger.monitor.alertmanager;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.slaledger.events.HealthStatus;
import com.slaledger.support.rest.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Alertmanager v4 payloads (test resources alertmanager/*.json) onto observations, SPEC §5.1. */
class AlertmanagerMapperTest {

    private final AlertmanagerMapper mapper = new AlertmanagerMapper(
            "service",
            Duration.ofMinutes(5),
            Duration.ofDays(400),
            Clock.fixed(Instant.parse("2026-10-04T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void aFiringAlertIsDownAtStartsAt() throws IOException {
        var result = mapper.map(AlertmanagerSamples.sample("firing.json", "api"));
        assertThat(result.violations()).isEmpty();
        assertThat(result.ignored()).as("the alert without a service label").isEqualTo(1);
        assertThat(result.events()).hasSize(1);
        var e = result.events().get(0);
        assertThat(e.serviceId()).isEqualTo("api");
        assertThat(e.status()).isEqualTo(HealthStatus.DOWN);
        assertThat(e.observedAt()).isEqualTo(Instant.parse("2026-10-03T14:05:00Z"));
        assertThat(e.probeId()).isEqualTo("https:__api.example.org_health");
        assertThat(e.eventId()).isEqualTo("am:1a30ba71cca2921f:firing:2026-10-03T14:05:00Z");
        assertThat(e.detail()).startsWith("ProbeFailure: BlackBox");
    }

    @Test
    void aResolvedAlertIsUpAtEndsAt() throws IOException {
        var e = mapper.map(AlertmanagerSamples.sample("resolved.json", "api"))
                .events()
                .get(0);
        assertThat(e.status()).isEqualTo(HealthStatus.UP);
        assertThat(e.observedAt()).isEqualTo(Instant.parse("2026-10-03T15:05:00Z"));
    }

    @Test
    void repeatedNotificationsAreDuplicates() throws IOException {
        var first = mapper.map(AlertmanagerSamples.sample("firing.json", "api"))
                .events()
                .get(0);
        var again = mapper.map(AlertmanagerSamples.sample("firing.json", "api"))
                .events()
                .get(0);
        assertThat(again.dedupKey()).isEqualTo(first.dedupKey());
    }

    @Test
    void theProbeFallsBackToTheReceiver() {
        assertThat(AlertmanagerMapper.probeId(null, "sla-ledger")).isEqualTo("sla-ledger");
        assertThat(AlertmanagerMapper.probeId("x".repeat(80), "r")).hasSize(64);
    }

    @Test
    void badPayloadsNameTheirFields() throws IOException {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode)
                AlertmanagerSamples.sample("firing.json", "bad service");
        node.put("version", "3");
        var result = mapper.map(node);
        assertThat(result.events()).isEmpty();
        assertThat(result.violations())
                .extracting(Violation::field)
                .containsExactly("version", "alerts[0].labels.service");
        assertThat(mapper.map(new ObjectMapper().createArrayNode()).violations())
                .hasSize(1);
    }

    @Test
    void instantsBefore2000AndPayloadsOver10000AlertsAreRejected() throws IOException {
        var node = (com.fasterxml.jackson.databind.node.ObjectNode) AlertmanagerSamples.sample("firing.json", "api");
        var alert = (com.fasterxml.jackson.databind.node.ObjectNode)
                node.get("alerts").get(0);
        alert.put("startsAt", "1999-12-31T23:59:59Z");
        assertThat(mapper.map(node).violations())
                .containsExactly(new Violation("alerts[0].startsAt", "must be after 2000-01-01T00:00:00Z"));

        var many = (com.fasterxml.jackson.databind.node.ObjectNode) AlertmanagerSamples.sample("firing.json", "api");
        var alerts = many.putArray("alerts");
        for (int i = 0; i <= AlertmanagerMapper.MAX_ALERTS; i++) {
            alerts.addObject().put("status", "firing");
        }
        assertThat(mapper.map(many).violations()).extracting(Violation::field).containsExactly("alerts");
    }
}
