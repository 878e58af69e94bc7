package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.engine.Fixtures.iv;
import static com.slaledger.ledger.engine.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §16.1–16.3 on hand-computed cases: exclusions (rule 4a), redundant groups, recurring
 * maintenance. The contract is the SPEC §4 example (99.9%, the SPEC's tiers, 1,000 EUR) in UTC
 * unless a case says otherwise. October 2026: 31 days, 2,678,400 s eligible, allowance 2,678 s.
 */
class AgreementRulesTest {

    private static final long NOW = t("2026-11-20T12:00:00Z");
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private static ServiceHistory down(Interval... outages) {
        return new ServiceHistory(IntervalSet.of(outages), true);
    }

    private static Terms terms(List<String> services, long minimum, Map<String, List<String>> groups, Maintenance m) {
        Terms t = Fixtures.terms(MeasurementPolicy.PROVIDER_MONITORED, services, minimum, "UTC", List.of());
        return with(t, MeasurementPolicy.PROVIDER_MONITORED, ZoneId.of("UTC"), groups, m);
    }

    private static Terms with(
            Terms t, MeasurementPolicy policy, ZoneId zone, Map<String, List<String>> groups, Maintenance m) {
        return new Terms(
                t.contractId(),
                t.services(),
                policy,
                t.uptimeTargetPercent(),
                t.minimumDowntimeSeconds(),
                zone,
                t.creditTiers(),
                t.creditCapPercent(),
                t.monthlyFee(),
                m,
                t.noData(),
                t.warningThresholds(),
                groups);
    }

    private static Exclusion exclusion(String id, String start, String end, String... services) {
        return new Exclusion(id, t(start), t(end), "CUSTOMER_CAUSED", "customer's firewall", List.of(services));
    }

    private static Statement statement(Terms terms, YearMonth p, Map<String, ServiceHistory> h, List<Exclusion> e) {
        return StatementCalculator.statement(terms, p, h, Map.of(), e, NOW, 3600);
    }

    /**
     * api down 3 Oct 14:00–14:08 (480 s ≥ the 300 s minimum: counted). An exclusion 14:03–14:06
     * leaves 14:00–14:03 (180 s) and 14:06–14:08 (120 s), each below the minimum: nothing counts.
     * excludedSeconds = 480 − 0 = 480; eligible stays 2,678,400 (excluded time counts as up).
     */
    @Test
    void anExclusionThatSplitsAnIntervalIntoPartsBelowTheMinimum() {
        Terms terms = terms(List.of("api"), 300, Map.of(), Maintenance.NONE);
        var h = Map.of("api", down(iv("2026-10-03T14:00:00Z", "2026-10-03T14:08:00Z")));

        assertThat(statement(terms, OCTOBER, h, List.of()).figures().downtimeSeconds())
                .isEqualTo(480);
        Statement s =
                statement(terms, OCTOBER, h, List.of(exclusion("x1", "2026-10-03T14:03:00Z", "2026-10-03T14:06:00Z")));
        assertThat(s.figures().downtimeSeconds()).isZero();
        assertThat(s.figures().eligibleSeconds()).isEqualTo(2_678_400);
        assertThat(s.excludedSeconds()).isEqualTo(480);
        assertThat(s.intervals()).extracting(StatementInterval::seconds).containsExactly(180L, 120L);
        assertThat(s.intervals()).noneMatch(StatementInterval::counted);
        assertThat(s.exclusions()).singleElement().satisfies(x -> {
            assertThat(x.seconds()).isEqualTo(180);
            assertThat(x.category()).isEqualTo("CUSTOMER_CAUSED");
        });
    }

    /**
     * Down 31 Oct 23:30 – 1 Nov 00:30 (3,600 s ≥ the 1,200 s minimum: 1,800 s in each month).
     * Excluded 31 Oct 23:45 – 1 Nov 00:15: the parts left, 23:30–23:45 and 00:15–00:30, are 900 s
     * each, below the minimum. October: 0 counted, excludedSeconds 1,800, the exclusion listed
     * clipped as 23:45–00:00 (900 s); November the same with 00:00–00:15.
     */
    @Test
    void anExclusionThatCoversTheCrossingOfAPeriodBoundary() {
        Terms terms = terms(List.of("api"), 1200, Map.of(), Maintenance.NONE);
        var h = Map.of("api", down(iv("2026-10-31T23:30:00Z", "2026-11-01T00:30:00Z")));
        var x = List.of(exclusion("x1", "2026-10-31T23:45:00Z", "2026-11-01T00:15:00Z"));

        assertThat(statement(terms, OCTOBER, h, List.of()).figures().downtimeSeconds())
                .isEqualTo(1800);
        for (YearMonth p : List.of(OCTOBER, NOVEMBER)) {
            Statement s = statement(terms, p, h, x);
            assertThat(s.figures().downtimeSeconds()).as(p.toString()).isZero();
            assertThat(s.excludedSeconds()).as(p.toString()).isEqualTo(1800);
            assertThat(s.exclusions()).singleElement().satisfies(e -> assertThat(e.seconds())
                    .isEqualTo(900));
        }
        assertThat(statement(terms, OCTOBER, h, x).exclusions().get(0).end()).isEqualTo(t("2026-11-01T00:00:00Z"));
        assertThat(statement(terms, NOVEMBER, h, x).exclusions().get(0).start()).isEqualTo(t("2026-11-01T00:00:00Z"));
    }

    /**
     * api down 10:00–11:00, web down 10:30–10:45; the exclusion names api only. What is left is
     * web's 900 s (the interval names web alone); excludedSeconds = 3,600 − 900 = 2,700.
     */
    @Test
    void aServiceScopedExclusionLeavesAnotherCoveredServicesDowntime() {
        Terms terms = terms(List.of("api", "web"), 0, Map.of(), Maintenance.NONE);
        var h = Map.of(
                "api", down(iv("2026-10-03T10:00:00Z", "2026-10-03T11:00:00Z")),
                "web", down(iv("2026-10-03T10:30:00Z", "2026-10-03T10:45:00Z")));
        Statement s = statement(
                terms, OCTOBER, h, List.of(exclusion("x1", "2026-10-03T10:00:00Z", "2026-10-03T11:00:00Z", "api")));
        assertThat(s.figures().downtimeSeconds()).isEqualTo(900);
        assertThat(s.excludedSeconds()).isEqualTo(2700);
        assertThat(s.intervals()).singleElement().satisfies(i -> assertThat(i.services())
                .containsExactly("web"));
    }

    /**
     * October's statement (one hour down, 3,600 s > 2,678 s: 10% = 100.00 EUR) was issued as
     * version 1. An exclusion of the whole hour approved later: 0 s down, met, no credit; what the
     * statement says changed, so version 2 (an amendment) is issued, and no new shortfall.
     */
    @Test
    void anExclusionApprovedAfterTheStatementWasIssuedAmendsIt() {
        Terms terms = terms(List.of("api"), 0, Map.of(), Maintenance.NONE);
        var versions = new ContractVersions(
                List.of(new ContractVersions.Version(1, t("2026-09-01T00:00:00Z"), terms, Checklist.Agreement.NONE)),
                t("2026-09-01T00:00:00Z"),
                null);
        var h = Map.of("api", down(iv("2026-10-03T14:05:00Z", "2026-10-03T15:05:00Z")));
        var plan = Evaluation.plan(ZoneId.of("UTC"), 0, NOW, t("2026-10-03T14:00:00Z"));
        var settings = new Evaluation.Settings(3600, 5);
        var before = Evaluation.decide(
                plan,
                versions,
                new Evaluation.Facts(h, Map.of(), List.of(), Map.of()),
                Published.NOTHING,
                true,
                NOW,
                settings);
        var october = before.periods().get(1);
        assertThat(october.period().statement().figures().creditAmount().amount())
                .isEqualByComparingTo("100.00");
        var issued = new Published(
                Map.of(OCTOBER, new BigDecimal("10")),
                Map.of(),
                List.of(),
                Map.of(OCTOBER, new Published.Issued(1, october.statement().fingerprint())));

        var x = List.of(exclusion("x1", "2026-10-03T14:00:00Z", "2026-10-03T15:30:00Z"));
        var after = Evaluation.decide(
                        plan,
                        versions,
                        new Evaluation.Facts(h, Map.of(), List.of(), Map.of(), x),
                        issued,
                        true,
                        NOW,
                        settings)
                .periods()
                .get(1);
        assertThat(after.period().statement().figures().downtimeSeconds()).isZero();
        assertThat(after.period().statement().figures().creditAmount().amount()).isEqualByComparingTo("0.00");
        assertThat(after.period().statement().excludedSeconds()).isEqualTo(3600);
        assertThat(after.statement().version()).isEqualTo(2);
        assertThat(after.tier())
                .as("a shortfall already sent stays sent; none is new")
                .isNull();
    }

    /**
     * database = anyOf(db-eu, db-us): db-eu down 10:00–11:00, db-us down 10:30–11:30: the group
     * is down 10:30–11:00 (1,800 s). db-eu alone down 12:00–13:00 adds nothing.
     */
    @Test
    void aGroupIsDownOnlyWhileEveryMemberIs() {
        Terms terms = terms(List.of("database"), 0, Map.of("database", List.of("db-eu", "db-us")), Maintenance.NONE);
        var h = Map.of(
                "db-eu",
                down(
                        iv("2026-10-03T10:00:00Z", "2026-10-03T11:00:00Z"),
                        iv("2026-10-03T12:00:00Z", "2026-10-03T13:00:00Z")),
                "db-us",
                down(iv("2026-10-03T10:30:00Z", "2026-10-03T11:30:00Z")));
        Statement s = statement(terms, OCTOBER, h, List.of());
        assertThat(s.figures().downtimeSeconds()).isEqualTo(1800);
        assertThat(s.intervals()).singleElement().satisfies(i -> {
            assertThat(i.start()).isEqualTo(t("2026-10-03T10:30:00Z"));
            assertThat(i.services()).containsExactly("database");
        });
    }

    /**
     * Under CUSTOMER_TICKET the group's ticket-open time is that of tickets on its name or any
     * member: a ticket on db-us from 10:40 makes the group's 10:30–11:00 count from 10:40 (1,200 s).
     */
    @Test
    void aTicketOnAMemberIsATicketOnTheGroup() {
        Terms t = terms(List.of("database"), 0, Map.of("database", List.of("db-eu", "db-us")), Maintenance.NONE);
        Terms terms = with(t, MeasurementPolicy.CUSTOMER_TICKET, ZoneId.of("UTC"), t.groups(), t.maintenance());
        var h = Map.of(
                "db-eu", down(iv("2026-10-03T10:00:00Z", "2026-10-03T11:00:00Z")),
                "db-us", down(iv("2026-10-03T10:30:00Z", "2026-10-03T11:30:00Z")));
        var tickets = Map.of("db-us", IntervalSet.of(iv("2026-10-03T10:40:00Z", "2026-10-03T12:00:00Z")));
        Statement s = StatementCalculator.statement(terms, OCTOBER, h, tickets, List.of(), NOW, 3600);
        assertThat(s.figures().downtimeSeconds()).isEqualTo(1200);
    }

    /** An exclusion naming one member takes its time out of that member before the intersection. */
    @Test
    void anExclusionOfOneMemberKeepsTheGroupUp() {
        Terms terms = terms(List.of("database"), 0, Map.of("database", List.of("db-eu", "db-us")), Maintenance.NONE);
        var h = Map.of(
                "db-eu", down(iv("2026-10-03T10:00:00Z", "2026-10-03T11:00:00Z")),
                "db-us", down(iv("2026-10-03T10:00:00Z", "2026-10-03T11:00:00Z")));
        Statement s = statement(
                terms, OCTOBER, h, List.of(exclusion("x1", "2026-10-03T10:00:00Z", "2026-10-03T10:20:00Z", "db-us")));
        // both down 10:20–11:00 only: 2,400 s; 1,200 s excluded
        assertThat(s.figures().downtimeSeconds()).isEqualTo(2400);
        assertThat(s.excludedSeconds()).isEqualTo(1200);
    }

    /** Every Sunday, as the date rule an RRULE FREQ=WEEKLY;BYDAY=SU gives (the library's part). */
    private static final Maintenance.DateRule SUNDAYS = (seed, from, to) -> {
        List<LocalDate> out = new ArrayList<>();
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) {
            if (d.getDayOfWeek() == DayOfWeek.SUNDAY) {
                out.add(d);
            }
        }
        return out;
    };

    private static Maintenance weekly(String startTime, String reason) {
        return new Maintenance(
                List.of(),
                List.of(new Maintenance.Recurring(
                        SUNDAYS, LocalDate.parse("2026-10-01"), null, LocalTime.parse(startTime), 3600, reason)));
    }

    /**
     * Lisbon, every Sunday 01:30 for an hour. 18 Oct (WEST, UTC+1): 00:30Z–01:30Z. 25 Oct, clocks
     * go back at 02:00 WEST to 01:00 WET: 01:30 exists twice, the earlier is 01:30 WEST = 00:30Z.
     * 1 Nov (WET): 01:30Z. 28 Mar 2027, clocks go forward at 01:00 WET to 02:00 WEST: 01:30 does
     * not exist and moves forward by the gap, to 02:30 WEST = 01:30Z.
     */
    @Test
    void weeklyMaintenanceAcrossLisbonsDstWeekends() {
        ZoneId lisbon = ZoneId.of("Europe/Lisbon");
        Maintenance m = weekly("01:30", "weekly patching");
        assertThat(m.within(lisbon, t("2026-10-17T00:00:00Z"), t("2026-11-02T00:00:00Z")))
                .extracting(Maintenance.Window::start)
                .containsExactly(t("2026-10-18T00:30:00Z"), t("2026-10-25T00:30:00Z"), t("2026-11-01T01:30:00Z"));
        assertThat(m.within(lisbon, t("2027-03-27T00:00:00Z"), t("2027-03-29T00:00:00Z")))
                .singleElement()
                .satisfies(w -> {
                    assertThat(w.start()).isEqualTo(t("2027-03-28T01:30:00Z"));
                    assertThat(w.end()).isEqualTo(t("2027-03-28T02:30:00Z"));
                    assertThat(w.reason()).isEqualTo("weekly patching");
                });
    }

    /**
     * New York, every Sunday. 1 Nov 2026, clocks go back at 02:00 EDT to 01:00 EST: 01:30 is the
     * earlier, 01:30 EDT = 05:30Z (the later would be 06:30Z). 14 Mar 2027, clocks go forward at
     * 02:00 EST to 03:00 EDT: 02:30 moves forward by the hour's gap to 03:30 EDT = 07:30Z.
     */
    @Test
    void weeklyMaintenanceAcrossNewYorksDstWeekends() {
        ZoneId ny = ZoneId.of("America/New_York");
        assertThat(weekly("01:30", "w").within(ny, t("2026-10-31T12:00:00Z"), t("2026-11-02T00:00:00Z")))
                .extracting(Maintenance.Window::start)
                .containsExactly(t("2026-11-01T05:30:00Z"));
        assertThat(weekly("02:30", "w").within(ny, t("2027-03-13T12:00:00Z"), t("2027-03-15T00:00:00Z")))
                .extracting(Maintenance.Window::start)
                .containsExactly(t("2027-03-14T07:30:00Z"));
    }

    /**
     * Every Sunday 00:30–01:30 UTC, plus a one-off window 4 Oct 01:00–03:00: the 4 Oct occurrence
     * and the window merge into 00:30–03:00 with both reasons. October's eligible time is its
     * 2,678,400 s less 4 Sundays of 3,600 s (11, 18, 25 Oct; 1 Nov is November) less 9,000 s for
     * the merged 4 Oct: 2,678,400 − 10,800 − 9,000 = 2,658,600. A down-time 4 Oct 00:00–04:00
     * counts 14,400 − 9,000 = 5,400 s.
     */
    @Test
    void occurrencesMergeWithOneOffWindowsAndAreListed() {
        Maintenance m = new Maintenance(
                List.of(new Maintenance.Window(t("2026-10-04T01:00:00Z"), t("2026-10-04T03:00:00Z"), "upgrade")),
                weekly("00:30", "weekly patching").recurring());
        Terms terms = terms(List.of("api"), 0, Map.of(), m);
        var h = Map.of("api", down(iv("2026-10-04T00:00:00Z", "2026-10-04T04:00:00Z")));
        Statement s = statement(terms, OCTOBER, h, List.of());
        assertThat(s.maintenance()).hasSize(4);
        assertThat(s.maintenance().get(0))
                .isEqualTo(new Maintenance.Window(
                        t("2026-10-04T00:30:00Z"), t("2026-10-04T03:00:00Z"), "weekly patching; upgrade"));
        assertThat(s.figures().eligibleSeconds()).isEqualTo(2_658_600);
        assertThat(s.figures().downtimeSeconds()).isEqualTo(5400);
    }

    /** Occurrences before {@code from} or on or after {@code until} do not exist. */
    @Test
    void aRuleRunsFromItsFirstDateToBeforeItsUntil() {
        Maintenance m = new Maintenance(
                List.of(),
                List.of(new Maintenance.Recurring(
                        SUNDAYS,
                        LocalDate.parse("2026-10-10"),
                        LocalDate.parse("2026-10-25"),
                        LocalTime.parse("02:00"),
                        7200,
                        "w")));
        assertThat(m.within(ZoneId.of("UTC"), t("2026-10-01T00:00:00Z"), t("2026-11-01T00:00:00Z")))
                .extracting(Maintenance.Window::start)
                .containsExactly(t("2026-10-11T02:00:00Z"), t("2026-10-18T02:00:00Z"));
    }
}
