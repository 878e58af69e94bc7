package com.slaledger.console.contract;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The timeline's geometry: October 2026 in UTC is 2,678,400 s wide; an interval from 3 Oct 14:05
 * to 15:05 starts 2 d 14 h 5 min = 223,500 s in (8.345% of the width) and is 3,600 s (0.134%)
 * wide; a maintenance window and an open ticket get rows of their own; an ongoing interval runs to
 * now.
 */
class TimelineTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void barsArePlacedInPercentOfThePeriodAndEveryKindHasItsRow() throws Exception {
        JsonNode contract = JSON.readTree(
                """
                {"services": ["api", {"name": "web", "anyOf": ["web-eu", "web-us"]}],
                 "maintenanceWindows": [{"start": "2026-10-10T01:00:00Z", "end": "2026-10-10T03:00:00Z", "reason": "DB upgrade"},
                   {"recurrence": "FREQ=WEEKLY;BYDAY=SU", "startTime": "02:00", "duration": "PT1H", "from": "2026-10-01"}]}
                """);
        JsonNode statement = JSON.readTree(
                """
                {"periodStart": "2026-10-01T00:00:00Z", "periodEnd": "2026-11-01T00:00:00Z",
                 "intervals": [
                   {"start": "2026-10-03T14:05:00Z", "end": "2026-10-03T15:05:00Z", "seconds": 3600, "services": ["api"], "counted": true},
                   {"start": "2026-10-07T09:00:00Z", "end": "2026-10-07T09:03:00Z", "seconds": 180, "services": ["web"],
                    "counted": false, "reason": "BELOW_MINIMUM"},
                   {"start": "2026-10-31T12:00:00Z", "end": null, "seconds": 3600, "services": ["api"], "counted": true}],
                 "noData": [],
                 "maintenance": [{"start": "2026-10-10T01:00:00Z", "end": "2026-10-10T03:00:00Z", "seconds": 7200, "reason": "DB upgrade"},
                   {"start": "2026-10-11T02:00:00Z", "end": "2026-10-11T03:00:00Z", "seconds": 3600, "reason": "weekly"}],
                 "exclusions": [{"exclusionId": "x1", "start": "2026-10-03T14:05:00Z", "end": "2026-10-03T14:35:00Z", "seconds": 1800,
                   "category": "CUSTOMER_CAUSED", "reason": "firewall", "services": ["api"]}]}
                """);
        JsonNode tickets = JSON.readTree(
                """
                [{"externalId": "ZD-1", "kind": "OUTAGE", "reportedAt": "2026-10-03T14:20:00Z", "resolvedAt": "2026-10-03T16:00:00Z"},
                 {"externalId": "ZD-2", "kind": "REQUEST", "reportedAt": "2026-10-05T10:00:00Z", "resolvedAt": null}]
                """);
        Timeline t = Timeline.of(contract, statement, tickets, Instant.parse("2026-10-31T13:00:00Z"));

        assertThat(t.rows())
                .extracting(Timeline.Row::label)
                .containsExactly("api", "web", "maintenance", "exclusions", "tickets open");
        Timeline.Bar first = t.rows().get(0).bars().get(0);
        assertThat(first.kind()).isEqualTo("counted");
        assertThat(first.x()).isEqualTo(8.345);
        assertThat(first.width()).isEqualTo(0.15); // 0.134% is drawn at the least visible width
        // the ongoing one starts 31 Oct 12:00 (98.387%) and runs to now, 13:00: an hour, drawn at
        // the least width again
        Timeline.Bar ongoing = t.rows().get(0).bars().get(1);
        assertThat(ongoing.x()).isEqualTo(98.387);
        assertThat(ongoing.width()).isEqualTo(0.15);
        assertThat(t.rows().get(1).bars().get(0).kind()).isEqualTo("uncounted");
        assertThat(t.rows().get(1).bars().get(0).title()).contains("BELOW_MINIMUM");
        // the statement's maintenance, one-off and recurring occurrences alike (a group is a row by its name)
        assertThat(t.rows().get(2).bars()).extracting(Timeline.Bar::kind).containsExactly("maintenance", "maintenance");
        assertThat(t.rows().get(3).bars()).singleElement().satisfies(b -> {
            assertThat(b.kind()).isEqualTo("excluded");
            assertThat(b.title()).contains("CUSTOMER_CAUSED").contains("firewall");
        });
        // a REQUEST ticket never opens downtime: only the OUTAGE one is drawn
        assertThat(t.rows().get(4).bars()).hasSize(1);
        assertThat(t.rows().get(4).bars().get(0).title()).contains("ZD-1");
        assertThat(first.left()).isEqualTo("220.93"); // 150 + 8.345% of 850
        assertThat(t.height()).isEqualTo(5 * 28 + 24);
        assertThat(t.ticks()).hasSize(5);
    }
}
