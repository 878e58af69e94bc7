package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.engine.Fixtures.obs;
import static com.slaledger.ledger.engine.Fixtures.t;
import static com.slaledger.ledger.engine.HealthStatus.DOWN;
import static com.slaledger.ledger.engine.HealthStatus.UP;
import static org.assertj.core.api.Assertions.assertThat;

/** The evaluator's decisions (SPEC §7), on plain values. */
class JudgementTest {

    private static final long NOW = t("2026-11-26T12:00:00Z");

    @Test
    void withoutChangesTheCurrentAndPreviousPeriod() {
        assertThat(Judgement.periodsToEvaluate(NOW, ZoneOffset.UTC, List.of(), 24))
                .containsExactly(YearMonth.of(2026, 11), YearMonth.of(2026, 10));
    }

    @Test
    void changedDataReachesBackToThePeriodItTouches_inTheContractsZone() {
        long mark = t("2026-08-31T23:30:00Z"); // already September in Lisbon
        assertThat(Judgement.periodsToEvaluate(NOW, ZoneId.of("Europe/Lisbon"), List.of(mark), 24))
                .containsExactly(YearMonth.of(2026, 11), YearMonth.of(2026, 10), YearMonth.of(2026, 9));
        assertThat(Judgement.periodsToEvaluate(NOW, ZoneOffset.UTC, List.of(mark), 24))
                .hasSize(4);
        assertThat(Judgement.periodsToEvaluate(NOW, ZoneOffset.UTC, List.of(t("2020-01-01T00:00:00Z")), 24))
                .hasSize(25);
    }

    @Test
    void aTierIsComparedByValue() {
        var breached = new PolicyFigures(100, 0, 10, new BigDecimal("90"), false, new BigDecimal("33.3333"), null);
        // the defect: a tier stored as 33.3333 (scale 4) must not look lower than the same tier
        assertThat(Judgement.newShortfallTier(breached, new BigDecimal("33.33330")))
                .isNull();
        assertThat(Judgement.newShortfallTier(breached, new BigDecimal("25"))).isEqualByComparingTo("33.3333");
        assertThat(Judgement.newShortfallTier(breached, null)).isEqualByComparingTo("33.3333");
        var met = new PolicyFigures(100, 10, 10, new BigDecimal("90"), true, BigDecimal.ZERO, null);
        assertThat(Judgement.newShortfallTier(met, null)).isNull();
    }

    /**
     * Target 99% of October (UTC, 2,678,400 s: allowance 26,784 s). An outage since 01 Oct 00:00 whose
     * end is not folded yet: as of 2 Oct 00:00 it is 86,400 s, a breach if it is really ongoing.
     */
    @Test
    void anOngoingOutageIsJudgedOnlyWhenCaughtUp() {
        Terms terms = new Terms(
                "c",
                List.of("api"),
                MeasurementPolicy.PROVIDER_MONITORED,
                new BigDecimal("99"),
                0,
                ZoneOffset.UTC,
                List.of(),
                null,
                null,
                List.of(),
                NoDataRule.UP,
                List.of());
        var ongoing = MonitoredDowntime.history(List.of(obs("p", DOWN, "2026-10-01T00:00:00Z")), 1, 0);
        Statement s = StatementCalculator.statement(
                terms, YearMonth.of(2026, 10), Map.of("api", ongoing), Map.of(), t("2026-10-02T00:00:00Z"), 3600);
        assertThat(s.figures().downtimeSeconds()).isEqualTo(86_400);
        assertThat(Judgement.judged(s, true).met()).isFalse();
        assertThat(Judgement.judged(s, false).downtimeSeconds()).isZero();
        assertThat(Judgement.judged(s, false).met()).isTrue();

        // an ended outage of 2 h (7,200 s) and an ongoing one: ended figures count the 7,200 s only
        var both = MonitoredDowntime.history(
                List.of(
                        obs("p", DOWN, "2026-10-01T00:00:00Z"),
                        obs("p", UP, "2026-10-01T02:00:00Z"),
                        obs("p", DOWN, "2026-10-01T12:00:00Z")),
                1,
                0);
        Statement s2 = StatementCalculator.statement(
                terms, YearMonth.of(2026, 10), Map.of("api", both), Map.of(), t("2026-10-02T00:00:00Z"), 3600);
        assertThat(s2.figures().downtimeSeconds()).isEqualTo(7_200 + 43_200);
        assertThat(Judgement.judged(s2, false).downtimeSeconds()).isEqualTo(7_200);
    }

    /**
     * Target 99% of October (UTC): eligible 2,678,400 s, allowance 26,784 s; minimum downtime
     * 300 s; a warning at 50% (13,392 s). A DOWN since 5 Oct 00:00 with no end, evaluated at
     * 00:02 (not even counted yet): the warning is owed at 00:00 + 13,392 s = 03:43:12, the breach
     * at 00:00 + 26,785 s (more than the allowance) = 07:26:25. No data arrives meanwhile, so the
     * evaluator must compute these instants itself.
     */
    @Test
    void theInstantsAnOngoingOutageOwesANoticeAreComputed() {
        Terms terms = new Terms(
                "c",
                List.of("api"),
                MeasurementPolicy.PROVIDER_MONITORED,
                new BigDecimal("99"),
                300,
                ZoneOffset.UTC,
                List.of(),
                null,
                null,
                List.of(),
                NoDataRule.UP,
                List.of(new BigDecimal("50")));
        var history = Map.of("api", MonitoredDowntime.history(List.of(obs("p", DOWN, "2026-10-05T00:00:00Z")), 1, 0));
        long now = t("2026-10-05T00:02:00Z");
        java.util.function.LongFunction<Statement> at =
                second -> StatementCalculator.statement(terms, YearMonth.of(2026, 10), history, Map.of(), second, 3600);
        assertThat(at.apply(now).figures().downtimeSeconds()).isZero();
        long end = t("2026-11-01T00:00:00Z");

        Long breach = Judgement.firstInstant(
                now, end, second -> Judgement.newShortfallTier(Judgement.judged(at.apply(second), true), null) != null);
        assertThat(breach).isEqualTo(t("2026-10-05T07:26:25Z"));
        Long warning = Judgement.firstInstant(now, end, second -> {
            PolicyFigures f = at.apply(second).figures();
            return !Warnings.due(terms.warningThresholds(), f.downtimeSeconds(), f.allowanceSeconds(), List.of())
                    .isEmpty();
        });
        assertThat(warning).isEqualTo(t("2026-10-05T03:43:12Z"));

        // due at the earliest of them; nothing owed: the period's end, or the previous one's grace
        assertThat(Judgement.nextDue(now, warning, end, t("2026-10-01T00:00:00Z"), 3600))
                .isEqualTo(t("2026-10-05T03:43:12Z"));
        assertThat(Judgement.firstInstant(now, end, second -> false)).isNull();
        assertThat(Judgement.nextDue(now, null, end, t("2026-10-01T00:00:00Z"), 3600))
                .isEqualTo(end);
        assertThat(Judgement.nextDue(t("2026-10-01T00:30:00Z"), null, end, t("2026-10-01T00:00:00Z"), 3600))
                .isEqualTo(t("2026-10-01T01:00:00Z"));
        // never now or before: a due instant already passed is due at once, the next second
        assertThat(Judgement.nextDue(end + 10, null, end, t("2026-10-01T00:00:00Z"), 3600))
                .isEqualTo(end + 11);
    }

    @Test
    void statementsAreIssuedForPeriodsEndingAfterCreation_orFromStartsOn() {
        Statement october = new Statement(
                "c",
                YearMonth.of(2026, 10),
                t("2026-10-01T00:00:00Z"),
                t("2026-11-01T00:00:00Z"),
                MeasurementPolicy.PROVIDER_MONITORED,
                null,
                true,
                List.of(),
                Map.of(),
                List.of(),
                null,
                List.of(),
                List.of(),
                0,
                List.of());
        long createdNov = t("2026-11-20T00:00:00Z");
        assertThat(Judgement.issues(october, createdNov, null)).isFalse();
        assertThat(Judgement.issues(october, createdNov, t("2026-10-01T00:00:00Z")))
                .isTrue();
        assertThat(Judgement.issues(october, t("2026-10-20T00:00:00Z"), null)).isTrue();
        assertThat(Judgement.issues(october, createdNov, t("2026-11-01T00:00:00Z")))
                .isFalse();
    }

    @Test
    void aShortfallRestsOnTheCountedIntervals_theEndedOnesWhileBehind() {
        var ended = new StatementInterval(
                t("2026-11-02T10:00:00Z"), t("2026-11-02T11:00:00Z"), 3600, List.of("api"), true, null, false);
        var below = new StatementInterval(
                t("2026-11-03T10:00:00Z"),
                t("2026-11-03T10:01:00Z"),
                60,
                List.of("api"),
                false,
                "BELOW_MINIMUM",
                false);
        var ongoing = new StatementInterval(t("2026-11-20T10:00:00Z"), null, 7200, List.of("api"), true, null, true);
        assertThat(Judgement.restsOn(List.of(ended, below, ongoing), true)).containsExactly(ended, ongoing);
        assertThat(Judgement.restsOn(List.of(ended, below, ongoing), false)).containsExactly(ended);
    }

    private static Checklist.Item item(String element, Long shortfallAt) {
        return new Checklist.Item(
                element, element, "agreed", "measured", shortfallAt == null, null, null, null, null, shortfallAt);
    }

    @Test
    void anElementIsPublishedShortOnceWhenItsInstantHasComeAndOnlyWhenCaughtUp() {
        var availability = item(Checklist.AVAILABILITY, null);
        var breached = item("firstResponse:P1", NOW - 60);
        var later = item("resolution:P1", NOW + 60);
        var met = item("duty:backup", null);
        var items = List.of(availability, breached, later, met);
        assertThat(Judgement.elementsToPublish(items, Set.of(), true, NOW)).containsExactly(breached);
        assertThat(Judgement.elementsToPublish(items, Set.of(), false, NOW)).isEmpty();
        assertThat(Judgement.elementsToPublish(items, Set.of("firstResponse:P1"), true, NOW))
                .isEmpty();
        // its instant is now: it falls short now
        assertThat(Judgement.elementsToPublish(List.of(item("x", NOW)), Set.of(), true, NOW))
                .hasSize(1);
    }

    @Test
    void aStatementIsIssuedOnceAndAgainOnlyWhenWhatItSaysChanges() {
        assertThat(Judgement.nextStatementVersion(null, "abc")).isEqualTo(1);
        assertThat(Judgement.nextStatementVersion(new Published.Issued(1, "abc"), "abc"))
                .isNull();
        assertThat(Judgement.nextStatementVersion(new Published.Issued(3, "abc"), "abd"))
                .isEqualTo(4);
    }

    @Test
    void aDeadlinePassingInSilenceBeatsALaterChange() {
        assertThat(Judgement.firstOwed(100L, 50L)).isEqualTo(50L);
        assertThat(Judgement.firstOwed(50L, 100L)).isEqualTo(50L);
        assertThat(Judgement.firstOwed(null, 100L)).isEqualTo(100L);
        assertThat(Judgement.firstOwed(100L, null)).isEqualTo(100L);
        assertThat(Judgement.firstOwed(null, null)).isNull();
    }
}
