package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.engine.Fixtures.obs;
import static com.slaledger.ledger.engine.Fixtures.t;
import static com.slaledger.ledger.engine.HealthStatus.DOWN;
import static com.slaledger.ledger.engine.HealthStatus.UP;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The evaluation as one decision (Evaluation.decide), on plain values. The contract: 99.9% in UTC,
 * the SPEC's tiers (below 99.9: 10%), 1,000 EUR a month, no minimum, first stored 1 September 2026;
 * now is 20 November 2026 12:00 UTC, grace one hour, five seconds' retry while behind.
 *
 * <p>October 2026 has 31 days: 2,678,400 s eligible, an allowance of floor(2,678.4) = 2,678 s.
 * November has 30: 2,592,000 s, allowance 2,592 s, half of it 1,296 s.
 */
class EvaluationTest {

    private static final long NOW = t("2026-11-20T12:00:00Z");
    private static final Evaluation.Settings SETTINGS = new Evaluation.Settings(3600, 5);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private static Terms terms(List<BigDecimal> warnings) {
        Terms t = Fixtures.terms(MeasurementPolicy.PROVIDER_MONITORED, List.of("api"), 0, "UTC", List.of());
        return new Terms(
                t.contractId(),
                t.services(),
                t.policy(),
                t.uptimeTargetPercent(),
                t.minimumDowntimeSeconds(),
                t.zone(),
                t.creditTiers(),
                t.creditCapPercent(),
                t.monthlyFee(),
                t.maintenance(),
                t.noData(),
                warnings,
                t.groups());
    }

    private static ContractVersions versions(Terms terms) {
        return new ContractVersions(
                List.of(new ContractVersions.Version(1, t("2026-09-01T00:00:00Z"), terms, Checklist.Agreement.NONE)),
                t("2026-09-01T00:00:00Z"),
                null);
    }

    private static Evaluation.Facts monitoring(Observation... observations) {
        return new Evaluation.Facts(
                Map.of("api", MonitoredDowntime.history(List.of(observations), 1, 0)), Map.of(), List.of(), Map.of());
    }

    /** One hour down on 3 October, folded late (the mark from that instant). */
    private static Evaluation.Facts october() {
        return monitoring(obs("p", DOWN, "2026-10-03T14:05:00Z"), obs("p", UP, "2026-10-03T15:05:00Z"));
    }

    private static Evaluation.Decision decide(Evaluation.Facts facts, Published published, boolean caughtUp) {
        ContractVersions v = versions(terms(List.of(new BigDecimal("50"))));
        Evaluation.Plan plan = Evaluation.plan(ZoneOffset.UTC, v.longestMinimum(), NOW, t("2026-10-03T14:05:00Z"));
        return Evaluation.decide(plan, v, facts, published, caughtUp, NOW, SETTINGS);
    }

    @Test
    void aLateOutageOfAClosedMonthIsItsShortfallAndItsFirstStatement() {
        Evaluation.Decision d = decide(october(), Published.NOTHING, true);

        assertThat(d.periods()).extracting(p -> p.period().period()).containsExactly(NOVEMBER, OCTOBER);
        Evaluation.PeriodDecision november = d.current();
        assertThat(november.tier()).isNull();
        assertThat(november.warnings()).isEmpty();
        assertThat(november.statement()).as("November is not over").isNull();

        Evaluation.PeriodDecision october = d.periods().get(1);
        // 3,600 s > 2,678 s: availability 99.8656% < 99.9%, the 10% tier, 100.00 EUR
        assertThat(october.tier().tier()).isEqualByComparingTo("10");
        assertThat(october.tier().tier().scale()).isZero();
        assertThat(october.tier().judged().downtimeSeconds()).isEqualTo(3600);
        assertThat(october.tier().judged().allowanceSeconds()).isEqualTo(2678);
        assertThat(october.tier().judged().creditAmount().amount()).isEqualByComparingTo("100.00");
        assertThat(october.tier().restsOn()).hasSize(1);
        assertThat(october.tier().restsOn().get(0).seconds()).isEqualTo(3600);
        assertThat(october.warnings())
                .as("warnings are the current period's only")
                .isEmpty();
        // final since 1 Nov 01:00, ended after the contract was first stored: version 1
        assertThat(october.statement().version()).isEqualTo(1);
        assertThat(october.statement().fingerprint()).hasSize(64);

        // nothing more is owed in November: next due at its end, 1 December 00:00 UTC
        assertThat(d.nextDue()).isEqualTo(t("2026-12-01T00:00:00Z"));
    }

    @Test
    void whatWasPublishedIsNotPublishedAgainAndAChangedStatementIsAnAmendment() {
        String fingerprint = decide(october(), Published.NOTHING, true)
                .periods()
                .get(1)
                .statement()
                .fingerprint();
        Published same = new Published(
                Map.of(OCTOBER, new BigDecimal("10.0000")),
                Map.of(),
                List.of(),
                Map.of(OCTOBER, new Published.Issued(1, fingerprint)));
        Evaluation.PeriodDecision october =
                decide(october(), same, true).periods().get(1);
        assertThat(october.tier()).as("10.0000 is the 10% tier").isNull();
        assertThat(october.statement()).isNull();

        Published older = new Published(
                Map.of(OCTOBER, new BigDecimal("10")),
                Map.of(),
                List.of(),
                Map.of(OCTOBER, new Published.Issued(1, "what version 1 said")));
        assertThat(decide(october(), older, true).periods().get(1).statement().version())
                .isEqualTo(2);
    }

    /**
     * DOWN since 20 November 10:00 with no end folded: 7,200 s > 2,592 s if it is really ongoing.
     * Behind, the ledger judges the ended intervals only (none) and looks again in 5 s; caught
     * up, it is the 10% tier, resting on the ongoing interval.
     */
    @Test
    void anOngoingOutageIsAShortfallOnlyWhenCaughtUp() {
        Evaluation.Facts ongoing = monitoring(obs("p", DOWN, "2026-11-20T10:00:00Z"));
        Evaluation.Decision behind = decide(ongoing, Published.NOTHING, false);
        assertThat(behind.current().tier()).isNull();
        assertThat(behind.current().warnings()).isEmpty();
        assertThat(behind.nextDue()).isEqualTo(NOW + 5);

        Evaluation.Decision caughtUp = decide(ongoing, Published.NOTHING, true);
        assertThat(caughtUp.current().tier().tier()).isEqualByComparingTo("10");
        assertThat(caughtUp.current().tier().restsOn()).singleElement().satisfies(i -> {
            assertThat(i.ongoing()).isTrue();
            assertThat(i.seconds()).isEqualTo(7200);
        });
        assertThat(caughtUp.current().warnings())
                .extracting(Evaluation.Warning::threshold)
                .containsExactly(new BigDecimal("50"));
    }

    /**
     * An outage since 11:50 with no end, 600 s at noon: half the allowance (1,296 s) is reached
     * at 11:50 + 1,296 s = 12:11:36, before the breach (2,593 s: 12:33:13). With no new data the
     * contract is due at 12:11:36; once that warning is published, at 12:33:13.
     */
    @Test
    void theNextDueInstantIsTheFirstThingOwedAsTimePasses() {
        Evaluation.Facts ongoing = monitoring(obs("p", DOWN, "2026-11-20T11:50:00Z"));
        Evaluation.Decision d = decide(ongoing, Published.NOTHING, true);
        assertThat(d.current().warnings()).isEmpty();
        assertThat(d.nextDue()).isEqualTo(t("2026-11-20T12:11:36Z"));

        Published warned = new Published(Map.of(), Map.of(), List.of(new BigDecimal("50")), Map.of());
        assertThat(decide(ongoing, warned, true).nextDue()).isEqualTo(t("2026-11-20T12:33:13Z"));
    }

    @Test
    void aNewVersionIsInForceFromTheStartOfThePeriodItWasStoredIn() {
        ZoneId lisbon = ZoneId.of("Europe/Lisbon");
        // 20 Nov 12:00 UTC: November in Lisbon began 1 Nov 00:00 local = 00:00 UTC (winter time)
        assertThat(ContractVersions.validFrom(NOW, lisbon)).isEqualTo(t("2026-11-01T00:00:00Z"));
        // 31 Oct 23:30 UTC is still October in Lisbon (winter time since 25 Oct: UTC+0)...
        assertThat(ContractVersions.validFrom(t("2026-10-31T23:30:00Z"), lisbon))
                .isEqualTo(t("2026-09-30T23:00:00Z"));
        Terms five = terms(List.of());
        Terms strict = new Terms(
                "acme",
                List.of("api"),
                MeasurementPolicy.PROVIDER_MONITORED,
                new BigDecimal("99.99"),
                300,
                ZoneOffset.UTC,
                List.of(),
                null,
                null,
                List.of(),
                NoDataRule.UP,
                List.of());
        ContractVersions v = new ContractVersions(
                List.of(
                        new ContractVersions.Version(2, t("2026-11-01T00:00:00Z"), strict, Checklist.Agreement.NONE),
                        new ContractVersions.Version(1, t("2026-09-01T00:00:00Z"), five, Checklist.Agreement.NONE)),
                t("2026-09-01T00:00:00Z"),
                null);
        assertThat(v.current().version()).isEqualTo(2);
        assertThat(v.inForce(NOVEMBER).version()).isEqualTo(2);
        assertThat(v.inForce(OCTOBER).version()).isEqualTo(1);
        assertThat(v.inForce(YearMonth.of(2026, 1)).version())
                .as("the first version serves every earlier period")
                .isEqualTo(1);
        assertThat(v.longestMinimum()).isEqualTo(300);
    }
}
