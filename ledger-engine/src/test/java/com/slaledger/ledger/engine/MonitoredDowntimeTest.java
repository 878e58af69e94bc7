package com.slaledger.ledger.engine;

import java.util.List;

import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.engine.Fixtures.iv;
import static com.slaledger.ledger.engine.Fixtures.obs;
import static com.slaledger.ledger.engine.HealthStatus.DEGRADED;
import static com.slaledger.ledger.engine.HealthStatus.DOWN;
import static com.slaledger.ledger.engine.HealthStatus.UP;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §6 rules 1 and 2. */
class MonitoredDowntimeTest {

    @Test
    void rule1_statusIsTheLatestObservationByObservedAtNotByArrival() {
        // Arrival order: UP at 14:10 arrives before DOWN at 14:05.
        var set = MonitoredDowntime.of(
                List.of(obs("p", UP, "2026-10-03T14:10:00Z"), obs("p", DOWN, "2026-10-03T14:05:00Z")), 1);
        assertThat(set.intervals()).containsExactly(iv("2026-10-03T14:05:00Z", "2026-10-03T14:10:00Z"));
    }

    @Test
    void rule1_degradedCountsAsUp() {
        var set = MonitoredDowntime.of(
                List.of(
                        obs("p", DOWN, "2026-10-03T14:00:00Z"),
                        obs("p", DEGRADED, "2026-10-03T14:30:00Z"),
                        obs("p", DEGRADED, "2026-10-03T15:00:00Z")),
                1);
        assertThat(set.intervals()).containsExactly(iv("2026-10-03T14:00:00Z", "2026-10-03T14:30:00Z"));
    }

    @Test
    void rule1_downWinsATieAtOneInstant() {
        var set = MonitoredDowntime.of(
                List.of(
                        obs("p", UP, "2026-10-03T14:00:00Z"),
                        obs("p", DOWN, "2026-10-03T14:00:00Z"),
                        obs("p", UP, "2026-10-03T14:20:00Z")),
                1);
        assertThat(set.intervals()).containsExactly(iv("2026-10-03T14:00:00Z", "2026-10-03T14:20:00Z"));
    }

    @Test
    void rule1_repeatedDownDoesNotRestartTheOutage() {
        var set = MonitoredDowntime.of(
                List.of(
                        obs("p", DOWN, "2026-10-03T14:00:00Z"),
                        obs("p", DOWN, "2026-10-03T14:01:00Z"),
                        obs("p", UP, "2026-10-03T14:02:00Z")),
                1);
        assertThat(set.intervals()).containsExactly(iv("2026-10-03T14:00:00Z", "2026-10-03T14:02:00Z"));
    }

    @Test
    void rule2_quorumStartsAtTheObservationThatMakesItAndEndsAtTheOneThatBreaksIt() {
        var set = MonitoredDowntime.of(
                List.of(
                        obs("a", DOWN, "2026-10-03T14:00:00Z"),
                        obs("b", DOWN, "2026-10-03T14:05:00Z"), // quorum of 2 made
                        obs("c", DOWN, "2026-10-03T14:06:00Z"),
                        obs("a", UP, "2026-10-03T14:10:00Z"), // still 2 down
                        obs("b", UP, "2026-10-03T14:20:00Z"), // quorum broken
                        obs("c", UP, "2026-10-03T14:30:00Z")),
                2);
        assertThat(set.intervals()).containsExactly(iv("2026-10-03T14:05:00Z", "2026-10-03T14:20:00Z"));
    }

    @Test
    void rule2_oneProbeDownIsNoOutageUnderAQuorumOfTwo() {
        var set = MonitoredDowntime.of(
                List.of(obs("a", DOWN, "2026-10-03T14:00:00Z"), obs("a", UP, "2026-10-03T15:00:00Z")), 2);
        assertThat(set.isEmpty()).isTrue();
    }

    @Test
    void rule2_anOutageWithNoEndIsOpen() {
        var set = MonitoredDowntime.of(List.of(obs("a", DOWN, "2026-10-03T14:00:00Z")), 1);
        assertThat(set.intervals()).containsExactly(iv("2026-10-03T14:00:00Z", null));
        assertThat(set.intervals().get(0).isOpen()).isTrue();
    }
}
