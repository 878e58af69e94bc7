package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.engine.Fixtures.iv;
import static com.slaledger.ledger.engine.Fixtures.t;
import static com.slaledger.ledger.engine.Fixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §6 rules 6 and 7, and the worked example of SPEC §7. */
class StatementCalculatorTest {

    private static final long HOUR = 3600;

    /** SPEC §7: Lisbon, October 2026, a 2-hour maintenance window, minimum PT5M. */
    @Test
    void theSpecExample() {
        var terms = terms(
                MeasurementPolicy.PROVIDER_MONITORED,
                List.of("api", "web"),
                300,
                "Europe/Lisbon",
                List.of(iv("2026-10-10T01:00:00Z", "2026-10-10T03:00:00Z")));
        var histories = Map.of(
                "api", new ServiceHistory(IntervalSet.of(iv("2026-10-03T14:05:00Z", "2026-10-03T15:05:00Z")), true),
                "web", new ServiceHistory(IntervalSet.of(iv("2026-10-07T09:00:00Z", "2026-10-07T09:03:00Z")), true));
        var tickets = Map.of("api", IntervalSet.of(iv("2026-10-03T14:20:00Z", "2026-10-03T16:00:00Z")));

        var s = StatementCalculator.statement(
                terms, YearMonth.of(2026, 10), histories, tickets, t("2026-11-01T01:00:00Z"), HOUR);

        assertThat(s.periodStart()).isEqualTo(t("2026-09-30T23:00:00Z"));
        assertThat(s.periodEnd()).isEqualTo(t("2026-11-01T00:00:00Z"));
        assertThat(s.figures().eligibleSeconds()).isEqualTo(2_674_800);
        assertThat(s.figures().downtimeSeconds()).isEqualTo(3600);
        assertThat(s.figures().availabilityPercent()).isEqualByComparingTo("99.8654");
        assertThat(s.figures().met()).isFalse();
        assertThat(s.figures().creditPercent()).isEqualByComparingTo("10");
        assertThat(s.figures().creditAmount()).isEqualTo(new Money(new BigDecimal("100.00"), "EUR"));
        assertThat(s.isFinal()).isTrue();

        assertThat(s.intervals()).hasSize(2);
        var api = s.intervals().get(0);
        assertThat(api.start()).isEqualTo(t("2026-10-03T14:05:00Z"));
        assertThat(api.end()).isEqualTo(t("2026-10-03T15:05:00Z"));
        assertThat(api.seconds()).isEqualTo(3600);
        assertThat(api.services()).containsExactly("api");
        assertThat(api.counted()).isTrue();
        var web = s.intervals().get(1);
        assertThat(web.seconds()).isEqualTo(180);
        assertThat(web.services()).containsExactly("web");
        assertThat(web.counted()).isFalse();
        assertThat(web.reason()).isEqualTo("BELOW_MINIMUM");

        var pm = s.policies().get(MeasurementPolicy.PROVIDER_MONITORED);
        assertThat(pm.downtimeSeconds()).isEqualTo(3600);
        var ct = s.policies().get(MeasurementPolicy.CUSTOMER_TICKET);
        assertThat(ct.downtimeSeconds()).isEqualTo(2700);
        assertThat(ct.availabilityPercent()).isEqualByComparingTo("99.8991");
        assertThat(ct.met()).isFalse();
        assertThat(ct.creditPercent()).isEqualByComparingTo("10");
    }

    @Test
    void rule6_aCountedIntervalCountsInEachPeriodItCrosses() {
        var terms = terms(MeasurementPolicy.PROVIDER_MONITORED, List.of("api"), 0, "UTC", List.of());
        var histories = Map.of(
                "api", new ServiceHistory(IntervalSet.of(iv("2026-10-31T23:00:00Z", "2026-11-01T01:00:00Z")), true));
        long now = t("2026-11-20T00:00:00Z");
        var october = StatementCalculator.statement(terms, YearMonth.of(2026, 10), histories, Map.of(), now, HOUR);
        var november = StatementCalculator.statement(terms, YearMonth.of(2026, 11), histories, Map.of(), now, HOUR);
        assertThat(october.figures().downtimeSeconds()).isEqualTo(HOUR);
        assertThat(november.figures().downtimeSeconds()).isEqualTo(HOUR);
        assertThat(october.intervals().get(0).end()).isEqualTo(t("2026-11-01T00:00:00Z"));
        assertThat(november.intervals().get(0).start()).isEqualTo(t("2026-11-01T00:00:00Z"));
    }

    @Test
    void rule7_eligibleTimeExcludesMaintenanceAndAvailabilityIsTheExactRatio() {
        // 30 days = 2,592,000 s; a 1-day window leaves 2,505,600; 99.9% allows 2,505.6 s.
        var terms = terms(
                MeasurementPolicy.PROVIDER_MONITORED,
                List.of("api"),
                0,
                "UTC",
                List.of(iv("2026-09-10T00:00:00Z", "2026-09-11T00:00:00Z")));
        long now = t("2026-10-05T00:00:00Z");
        var exactlyAllowance = Map.of(
                "api",
                new ServiceHistory(
                        IntervalSet.of(new Interval(t("2026-09-01T00:00:00Z"), t("2026-09-01T00:00:00Z") + 2505)),
                        true));
        var s = StatementCalculator.statement(terms, YearMonth.of(2026, 9), exactlyAllowance, Map.of(), now, HOUR);
        assertThat(s.figures().eligibleSeconds()).isEqualTo(2_505_600);
        assertThat(s.figures().allowanceSeconds()).isEqualTo(2505);
        assertThat(s.figures().met()).isTrue();
        assertThat(s.figures().availabilityPercent()).isEqualByComparingTo("99.9000"); // rounded display
        var oneMore = Map.of(
                "api",
                new ServiceHistory(
                        IntervalSet.of(new Interval(t("2026-09-01T00:00:00Z"), t("2026-09-01T00:00:00Z") + 2506)),
                        true));
        var s2 = StatementCalculator.statement(terms, YearMonth.of(2026, 9), oneMore, Map.of(), now, HOUR);
        assertThat(s2.figures().met())
                .as("99.89996% is below 99.9% though it displays as 99.9000")
                .isFalse();
        assertThat(s2.figures().availabilityPercent()).isEqualByComparingTo("99.9000");
        assertThat(s2.figures().creditPercent()).isEqualByComparingTo("10");
    }

    @Test
    void periodsFollowTheContractsTimeZoneAcrossDaylightSavingChanges() {
        var lisbon = ZoneId.of("Europe/Lisbon");
        // March 2026: summer time starts on the 29th, the month is one hour short.
        assertThat(Periods.end(YearMonth.of(2026, 3), lisbon) - Periods.start(YearMonth.of(2026, 3), lisbon))
                .isEqualTo(31 * 86_400 - HOUR);
        // October 2026: summer time ends on the 25th, the month is one hour long.
        assertThat(Periods.end(YearMonth.of(2026, 10), lisbon) - Periods.start(YearMonth.of(2026, 10), lisbon))
                .isEqualTo(31 * 86_400 + HOUR);
        var newYork = ZoneId.of("America/New_York");
        assertThat(Periods.start(YearMonth.of(2026, 11), newYork)).isEqualTo(t("2026-11-01T04:00:00Z"));
    }

    @Test
    void aPeriodIsFinalOnlyAfterItsGraceTime() {
        var terms = terms(MeasurementPolicy.PROVIDER_MONITORED, List.of("api"), 0, "UTC", List.of());
        var before = StatementCalculator.statement(
                terms, YearMonth.of(2026, 10), Map.of(), Map.of(), t("2026-11-01T00:59:59Z"), HOUR);
        var after = StatementCalculator.statement(
                terms, YearMonth.of(2026, 10), Map.of(), Map.of(), t("2026-11-01T01:00:00Z"), HOUR);
        assertThat(before.isFinal()).isFalse();
        assertThat(after.isFinal()).isTrue();
        assertThat(after.figures().availabilityPercent()).isEqualByComparingTo("100.0000");
        assertThat(after.figures().met()).isTrue();
        assertThat(after.figures().creditPercent()).isEqualByComparingTo("0");
    }

    @Test
    void anOngoingOutageInThePastPeriodIsClippedAtItsEnd() {
        var terms = terms(MeasurementPolicy.PROVIDER_MONITORED, List.of("api"), 0, "UTC", List.of());
        var histories = Map.of("api", new ServiceHistory(IntervalSet.of(iv("2026-10-31T22:00:00Z", null)), true));
        long now = t("2026-11-01T03:00:00Z");
        var october = StatementCalculator.statement(terms, YearMonth.of(2026, 10), histories, Map.of(), now, HOUR);
        var november = StatementCalculator.statement(terms, YearMonth.of(2026, 11), histories, Map.of(), now, HOUR);
        assertThat(october.intervals().get(0).ongoing()).isFalse();
        assertThat(october.intervals().get(0).end()).isEqualTo(t("2026-11-01T00:00:00Z"));
        assertThat(october.figures().downtimeSeconds()).isEqualTo(2 * HOUR);
        assertThat(november.intervals().get(0).ongoing()).isTrue();
        assertThat(november.intervals().get(0).end()).isNull();
        assertThat(november.figures().downtimeSeconds()).isEqualTo(3 * HOUR);
    }
}
