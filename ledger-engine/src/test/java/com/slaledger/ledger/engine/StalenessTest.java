package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.engine.Fixtures.iv;
import static com.slaledger.ledger.engine.Fixtures.obs;
import static com.slaledger.ledger.engine.Fixtures.t;
import static com.slaledger.ledger.engine.HealthStatus.DOWN;
import static com.slaledger.ledger.engine.HealthStatus.UP;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §6 rule 1a: stale probes, no-data time and the contract's noData setting, figures by hand. */
class StalenessTest {

    private static final long FIVE_MINUTES = 300;

    @Test
    void aSilentDownProbeCountsStaleAfterOfDowntimeNotUntilNow() {
        // DOWN at 10:00 and nothing since; staleAfter 5 min: down 10:00-10:05, then no data (ongoing)
        var history = MonitoredDowntime.history(List.of(obs("p1", DOWN, "2026-10-03T10:00:00Z")), 1, FIVE_MINUTES);
        assertThat(history.monitored()).isEqualTo(IntervalSet.of(iv("2026-10-03T10:00:00Z", "2026-10-03T10:05:00Z")));
        assertThat(history.noData()).isEqualTo(IntervalSet.of(iv("2026-10-03T10:05:00Z", null)));
        // without staleAfter the status holds: the outage is ongoing
        assertThat(MonitoredDowntime.history(List.of(obs("p1", DOWN, "2026-10-03T10:00:00Z")), 1, 0)
                        .monitored())
                .isEqualTo(IntervalSet.of(iv("2026-10-03T10:00:00Z", null)));
    }

    @Test
    void noDataIsWhenEveryProbeIsStale_andEndsAtTheNextObservation() {
        var history = MonitoredDowntime.history(
                List.of(
                        obs("p1", UP, "2026-10-03T10:00:00Z"),
                        obs("p2", UP, "2026-10-03T10:02:00Z"),
                        // p1 stale from 10:05, p2 from 10:07: no data 10:07-10:20
                        obs("p1", UP, "2026-10-03T10:20:00Z"),
                        obs("p1", UP, "2026-10-03T10:24:00Z")),
                1,
                FIVE_MINUTES);
        assertThat(history.monitored().isEmpty()).isTrue();
        assertThat(history.noData())
                .isEqualTo(IntervalSet.of(
                        iv("2026-10-03T10:07:00Z", "2026-10-03T10:20:00Z"), iv("2026-10-03T10:29:00Z", null)));
    }

    @Test
    void aStaleProbeNoLongerMakesTheQuorum() {
        // quorum 2: p1 DOWN 10:00 (stale at 10:05), p2 DOWN 10:03 (fresh): down 10:03-10:05 only
        var history = MonitoredDowntime.history(
                List.of(
                        obs("p1", DOWN, "2026-10-03T10:00:00Z"),
                        obs("p2", DOWN, "2026-10-03T10:03:00Z"),
                        obs("p2", DOWN, "2026-10-03T10:06:00Z"),
                        obs("p1", UP, "2026-10-03T10:30:00Z"),
                        obs("p2", UP, "2026-10-03T10:30:00Z")),
                2,
                FIVE_MINUTES);
        assertThat(history.monitored()).isEqualTo(IntervalSet.of(iv("2026-10-03T10:03:00Z", "2026-10-03T10:05:00Z")));
    }

    private static Terms terms(NoDataRule rule) {
        return new Terms(
                "acme",
                List.of("api"),
                MeasurementPolicy.PROVIDER_MONITORED,
                new BigDecimal("99.9"),
                0,
                java.time.ZoneOffset.UTC,
                Fixtures.SPEC_TIERS,
                new BigDecimal("100"),
                null,
                List.of(),
                rule,
                List.of());
    }

    /**
     * api: UP 10:00, then silence until UP at 12:00 (staleAfter 5 min): no data 10:05-12:00 = 6,900 s;
     * as of 12:05, when the last observation goes stale too.
     */
    private static Statement october(NoDataRule rule) {
        var history = MonitoredDowntime.history(
                List.of(obs("api-probe", UP, "2026-10-03T10:00:00Z"), obs("api-probe", UP, "2026-10-03T12:00:00Z")),
                1,
                FIVE_MINUTES);
        return StatementCalculator.statement(
                terms(rule), YearMonth.of(2026, 10), Map.of("api", history), Map.of(), t("2026-10-03T12:05:00Z"), 3600);
    }

    @Test
    void noDataUpCountsNothing_butIsListed() {
        Statement s = october(NoDataRule.UP);
        // October in UTC: 31 × 86,400 = 2,678,400 s
        assertThat(s.figures().eligibleSeconds()).isEqualTo(2_678_400);
        assertThat(s.figures().downtimeSeconds()).isZero();
        assertThat(s.noData())
                .containsExactly(new NoDataInterval(
                        t("2026-10-03T10:05:00Z"), t("2026-10-03T12:00:00Z"), 6_900, List.of("api")));
    }

    @Test
    void noDataDownIsDowntime() {
        Statement s = october(NoDataRule.DOWN);
        assertThat(s.figures().downtimeSeconds()).isEqualTo(6_900);
        // allowance floor(2,678,400 × 0.1%) = 2,678; 6,900 s breaches: (2,678,400 − 6,900) / 2,678,400 = 99.7424%
        assertThat(s.figures().availabilityPercent()).isEqualByComparingTo("99.7424");
        assertThat(s.figures().creditPercent()).isEqualByComparingTo("10");
    }

    @Test
    void noDataExcludedLeavesTheContractsTime() {
        Statement s = october(NoDataRule.EXCLUDED);
        assertThat(s.figures().eligibleSeconds()).isEqualTo(2_678_400 - 6_900);
        assertThat(s.figures().downtimeSeconds()).isZero();
        assertThat(s.noData()).hasSize(1);
    }

    @Test
    void ongoingNoDataRunsToNowAndIsExcludedOnlyUpToNow() {
        var history = MonitoredDowntime.history(List.of(obs("api-probe", UP, "2026-10-03T10:00:00Z")), 1, FIVE_MINUTES);
        long now = t("2026-10-03T11:05:00Z");
        Statement s = StatementCalculator.statement(
                terms(NoDataRule.EXCLUDED), YearMonth.of(2026, 10), Map.of("api", history), Map.of(), now, 3600);
        assertThat(s.noData())
                .containsExactly(new NoDataInterval(t("2026-10-03T10:05:00Z"), null, 3_600, List.of("api")));
        assertThat(s.figures().eligibleSeconds()).isEqualTo(2_678_400 - 3_600);
    }
}
