package com.slaledger.ledger.engine;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.engine.Fixtures.iv;
import static com.slaledger.ledger.engine.Fixtures.t;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * SPEC §17 rule 4b on hand-computed cases: an accepted dispute adds its time to the down-sets of
 * the services it names, before the exclusions of rule 4a and the union of rule 4. The contract is
 * the SPEC §4 example (99.9%, the SPEC's tiers, 1,000 EUR) in UTC. October 2026: 2,678,400 s
 * eligible, allowance 2,678 s.
 */
class DisputesTest {

    private static final long NOW = t("2026-11-20T12:00:00Z");
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    private static Terms terms(MeasurementPolicy policy, List<String> services, long minimum) {
        return Fixtures.terms(policy, services, minimum, "UTC", List.of());
    }

    private static ServiceHistory down(Interval... outages) {
        return new ServiceHistory(IntervalSet.of(outages), true);
    }

    private static Dispute dispute(String id, String start, String end, String... services) {
        return new Dispute(id, t(start), t(end), List.of(services));
    }

    private static Statement statement(
            Terms terms, YearMonth p, Map<String, ServiceHistory> h, List<Dispute> d, List<Exclusion> x) {
        return StatementCalculator.statement(terms, p, h, Map.of(), d, x, NOW, 3600);
    }

    /**
     * Minimum 1,800 s. api down 3 Oct 10:00–10:20 and 10:40–11:00: two intervals of 1,200 s, each
     * below the minimum, nothing counted. The customer disputes 10:15–10:45 (it saw errors in the
     * gap): accepted, the down-set is 10:00–11:00, one interval of 3,600 s ≥ 1,800: counted. 3,600
     * > 2,678: not met, 99.8656% → 10% = 100.00 EUR. The dispute is listed with its 1,800 s.
     */
    @Test
    void aDisputeThatJoinsTwoIntervalsIntoOneAboveTheMinimum() {
        Terms terms = terms(MeasurementPolicy.PROVIDER_MONITORED, List.of("api"), 1800);
        var h = Map.of(
                "api",
                down(
                        iv("2026-10-03T10:00:00Z", "2026-10-03T10:20:00Z"),
                        iv("2026-10-03T10:40:00Z", "2026-10-03T11:00:00Z")));
        assertThat(statement(terms, OCTOBER, h, List.of(), List.of()).figures().downtimeSeconds())
                .isZero();

        Statement s = statement(
                terms, OCTOBER, h, List.of(dispute("d1", "2026-10-03T10:15:00Z", "2026-10-03T10:45:00Z")), List.of());
        assertThat(s.figures().downtimeSeconds()).isEqualTo(3600);
        assertThat(s.intervals()).singleElement().satisfies(i -> {
            assertThat(i.counted()).isTrue();
            assertThat(i.seconds()).isEqualTo(3600);
        });
        assertThat(s.figures().met()).isFalse();
        assertThat(s.figures().creditAmount().amount()).isEqualByComparingTo("100.00");
        assertThat(s.disputes()).singleElement().satisfies(d -> {
            assertThat(d.disputeId()).isEqualTo("d1");
            assertThat(d.seconds()).isEqualTo(1800);
        });
    }

    /**
     * The customer disputes 31 Oct 23:00 – 1 Nov 01:00 on api, which monitoring never saw down.
     * 7,200 s, one interval (≥ the 300 s minimum), split at the boundary (rule 6): 3,600 s in
     * October (> 2,678: 10%), 3,600 s in November (30 days, 2,592,000 s, allowance 2,592: 10%).
     * Each statement lists the dispute clipped to its month.
     */
    @Test
    void aDisputeThatCrossesAPeriodBoundary() {
        Terms terms = terms(MeasurementPolicy.PROVIDER_MONITORED, List.of("api"), 300);
        var h = Map.of("api", down());
        var d = List.of(dispute("d1", "2026-10-31T23:00:00Z", "2026-11-01T01:00:00Z"));
        Statement october = statement(terms, OCTOBER, h, d, List.of());
        Statement november = statement(terms, NOVEMBER, h, d, List.of());
        assertThat(october.figures().downtimeSeconds()).isEqualTo(3600);
        assertThat(november.figures().downtimeSeconds()).isEqualTo(3600);
        assertThat(october.figures().creditPercent()).isEqualByComparingTo("10");
        assertThat(november.figures().creditPercent()).isEqualByComparingTo("10");
        assertThat(october.disputes().get(0).end()).isEqualTo(t("2026-11-01T00:00:00Z"));
        assertThat(november.disputes().get(0).start()).isEqualTo(t("2026-11-01T00:00:00Z"));
        assertThat(november.disputes().get(0).seconds()).isEqualTo(3600);
    }

    /**
     * The dispute of 3 Oct 14:00–15:00 (3,600 s, 10%) is later covered by an approved exclusion
     * of 13:30–15:30 (customer-caused after all): rule 4a comes after 4b, so nothing is counted;
     * excludedSeconds 3,600; both are listed.
     */
    @Test
    void aDisputeLaterCoveredByAnApprovedExclusion() {
        Terms terms = terms(MeasurementPolicy.PROVIDER_MONITORED, List.of("api"), 0);
        var h = Map.of("api", down());
        var d = List.of(dispute("d1", "2026-10-03T14:00:00Z", "2026-10-03T15:00:00Z"));
        assertThat(statement(terms, OCTOBER, h, d, List.of()).figures().creditPercent())
                .isEqualByComparingTo("10");
        var x = List.of(new Exclusion(
                "x1", t("2026-10-03T13:30:00Z"), t("2026-10-03T15:30:00Z"), "CUSTOMER_CAUSED", "firewall", List.of()));
        Statement s = statement(terms, OCTOBER, h, d, x);
        assertThat(s.figures().downtimeSeconds()).isZero();
        assertThat(s.figures().met()).isTrue();
        assertThat(s.excludedSeconds()).isEqualTo(3600);
        assertThat(s.disputes()).hasSize(1);
        assertThat(s.exclusions()).hasSize(1);
    }

    /**
     * Under CUSTOMER_TICKET no ticket was opened, so monitoring's hour on 3 Oct 14:00–15:00 does
     * not count; the customer disputes it and the provider accepts: the hour is customer-reported
     * downtime, counted (3,600 s, 10%). A dispute naming web only adds nothing to api.
     */
    @Test
    void aDisputeCountsUnderTheCustomerTicketPolicyWithoutATicket() {
        Terms terms = terms(MeasurementPolicy.CUSTOMER_TICKET, List.of("api", "web"), 0);
        var h = Map.of("api", down(iv("2026-10-03T14:00:00Z", "2026-10-03T15:00:00Z")), "web", down());
        assertThat(statement(terms, OCTOBER, h, List.of(), List.of()).figures().downtimeSeconds())
                .isZero();
        Statement s = statement(
                terms,
                OCTOBER,
                h,
                List.of(dispute("d1", "2026-10-03T14:00:00Z", "2026-10-03T15:00:00Z", "api")),
                List.of());
        assertThat(s.figures().downtimeSeconds()).isEqualTo(3600);
        assertThat(s.intervals().get(0).services()).containsExactly("api");
        assertThat(s.policies().get(MeasurementPolicy.PROVIDER_MONITORED).downtimeSeconds())
                .isEqualTo(3600);
    }

    /** A dispute that reaches into the future counts only up to now (open-ended claims are not downtime yet). */
    @Test
    void aDisputeCountsOnlyUpToNow() {
        Terms terms = terms(MeasurementPolicy.PROVIDER_MONITORED, List.of("api"), 0);
        var d = List.of(new Dispute("d1", NOW - 600, NOW + 3600, List.of()));
        Statement s = StatementCalculator.statement(terms, NOVEMBER, Map.of(), Map.of(), d, List.of(), NOW, 3600);
        assertThat(s.figures().downtimeSeconds()).isEqualTo(600);
    }

    /** Disputes are a set: their order and duplicates do not change the statement. */
    @Property(tries = 200)
    void disputesInAnyOrderAndDuplicatedGiveTheSameStatement(
            @ForAll @IntRange(min = 1, max = 6) int n, @ForAll long seed) {
        java.util.Random r = new java.util.Random(seed);
        long base = t("2026-10-01T00:00:00Z");
        List<Dispute> disputes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long s = base + r.nextInt(30 * 86_400);
            disputes.add(new Dispute("d" + i, s, s + 60 + r.nextInt(7200), i % 2 == 0 ? List.of() : List.of("api")));
        }
        Terms terms = terms(MeasurementPolicy.PROVIDER_MONITORED, List.of("api", "web"), 300);
        var h = Map.of("api", down(iv("2026-10-10T10:00:00Z", "2026-10-10T10:04:00Z")), "web", down());
        List<Dispute> shuffled = new ArrayList<>(disputes);
        shuffled.addAll(disputes.subList(0, 1 + r.nextInt(n)));
        Collections.shuffle(shuffled, r);
        Statement a = statement(terms, OCTOBER, h, disputes, List.of());
        Statement b = statement(terms, OCTOBER, h, shuffled, List.of());
        assertThat(b.figures()).isEqualTo(a.figures());
        assertThat(b.intervals()).isEqualTo(a.intervals());
        assertThat(Judgement.fingerprintText(b)).isEqualTo(Judgement.fingerprintText(a));
    }

    /** Without disputes, a statement's fingerprint text is what it always was (no amendment on upgrade). */
    @Test
    void noDisputesKeepTheFingerprint() {
        Terms terms = terms(MeasurementPolicy.PROVIDER_MONITORED, List.of("api"), 0);
        var h = Map.of("api", down(iv("2026-10-03T14:00:00Z", "2026-10-03T15:00:00Z")));
        assertThat(Judgement.fingerprintText(statement(terms, OCTOBER, h, List.of(), List.of())))
                .doesNotContain("disputes")
                .isEqualTo(Judgement.fingerprintText(
                        StatementCalculator.statement(terms, OCTOBER, h, Map.of(), NOW, 3600)));
    }
}
