package com.slaledger.ledger.engine;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static com.slaledger.ledger.engine.Fixtures.iv;
import static com.slaledger.ledger.engine.Fixtures.t;
import static com.slaledger.ledger.engine.Fixtures.terms;
import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §6: rule 3, both policies, rules 4 and 5. */
class ContractDowntimeTest {

    private static final long NOW = t("2026-10-20T00:00:00Z");

    private static ServiceHistory monitored(Interval... outages) {
        return new ServiceHistory(IntervalSet.of(outages), true);
    }

    @Test
    void rule3_ticketOpenTimeIsTheUnionOfOutageTickets() {
        var open = TicketSpan.openTime(List.of(
                new TicketSpan(t("2026-10-03T14:20:00Z"), t("2026-10-03T15:00:00Z")),
                new TicketSpan(t("2026-10-03T14:50:00Z"), t("2026-10-03T15:30:00Z")),
                new TicketSpan(t("2026-10-04T09:00:00Z"), null)));
        assertThat(open.intervals())
                .containsExactly(iv("2026-10-03T14:20:00Z", "2026-10-03T15:30:00Z"), iv("2026-10-04T09:00:00Z", null));
    }

    @Test
    void providerMonitoredCountsFromWhenMonitoringSawIt() {
        var terms = terms(MeasurementPolicy.PROVIDER_MONITORED, List.of("api"), 0, "UTC", List.of());
        var cd = ContractDowntime.of(
                terms,
                MeasurementPolicy.PROVIDER_MONITORED,
                Map.of("api", monitored(iv("2026-10-03T14:05:00Z", "2026-10-03T15:05:00Z"))),
                Map.of("api", IntervalSet.of(iv("2026-10-03T14:20:00Z", null))),
                NOW);
        assertThat(cd.intervals())
                .containsExactly(new Downtime(t("2026-10-03T14:05:00Z"), t("2026-10-03T15:05:00Z"), false, true));
    }

    @Test
    void customerTicketCountsOnlyWhileATicketIsOpen() {
        var terms = terms(MeasurementPolicy.CUSTOMER_TICKET, List.of("api"), 0, "UTC", List.of());
        var cd = ContractDowntime.of(
                terms,
                MeasurementPolicy.CUSTOMER_TICKET,
                Map.of("api", monitored(iv("2026-10-03T14:05:00Z", "2026-10-03T15:05:00Z"))),
                Map.of("api", IntervalSet.of(iv("2026-10-03T14:20:00Z", "2026-10-03T16:00:00Z"))),
                NOW);
        assertThat(cd.intervals())
                .containsExactly(new Downtime(t("2026-10-03T14:20:00Z"), t("2026-10-03T15:05:00Z"), false, true));
    }

    @Test
    void customerTicketWithoutAnyProbeUsesTheTicketsAlone() {
        var terms = terms(MeasurementPolicy.CUSTOMER_TICKET, List.of("api"), 0, "UTC", List.of());
        var cd = ContractDowntime.of(
                terms,
                MeasurementPolicy.CUSTOMER_TICKET,
                Map.of(),
                Map.of("api", IntervalSet.of(iv("2026-10-03T14:20:00Z", "2026-10-03T16:00:00Z"))),
                NOW);
        assertThat(cd.intervals())
                .containsExactly(new Downtime(t("2026-10-03T14:20:00Z"), t("2026-10-03T16:00:00Z"), false, true));
    }

    @Test
    void customerTicketWithProbesThatSawNothingCountsNothing() {
        var terms = terms(MeasurementPolicy.CUSTOMER_TICKET, List.of("api"), 0, "UTC", List.of());
        var cd = ContractDowntime.of(
                terms,
                MeasurementPolicy.CUSTOMER_TICKET,
                Map.of("api", monitored()),
                Map.of("api", IntervalSet.of(iv("2026-10-03T14:20:00Z", "2026-10-03T16:00:00Z"))),
                NOW);
        assertThat(cd.intervals()).isEmpty();
    }

    @Test
    void rule4_servicesAreUnitedAndMaintenanceRemoved() {
        var maintenance = iv("2026-10-03T14:30:00Z", "2026-10-03T14:40:00Z");
        var terms = terms(MeasurementPolicy.PROVIDER_MONITORED, List.of("api", "web"), 0, "UTC", List.of(maintenance));
        var cd = ContractDowntime.of(
                terms,
                MeasurementPolicy.PROVIDER_MONITORED,
                Map.of(
                        "api", monitored(iv("2026-10-03T14:00:00Z", "2026-10-03T14:35:00Z")),
                        "web", monitored(iv("2026-10-03T14:20:00Z", "2026-10-03T15:00:00Z")),
                        "other", monitored(iv("2026-10-05T00:00:00Z", "2026-10-06T00:00:00Z"))),
                Map.of(),
                NOW);
        assertThat(cd.intervals())
                .containsExactly(
                        new Downtime(t("2026-10-03T14:00:00Z"), t("2026-10-03T14:30:00Z"), false, true),
                        new Downtime(t("2026-10-03T14:40:00Z"), t("2026-10-03T15:00:00Z"), false, true));
        var listed = cd.within(t("2026-10-01T00:00:00Z"), t("2026-11-01T00:00:00Z"));
        assertThat(listed.get(0).services()).containsExactly("api", "web");
        assertThat(listed.get(1).services()).containsExactly("web");
    }

    @Test
    void rule5_anIntervalBelowTheMinimumIsListedButNotCounted() {
        var terms = terms(MeasurementPolicy.PROVIDER_MONITORED, List.of("web"), 300, "UTC", List.of());
        var cd = ContractDowntime.of(
                terms,
                MeasurementPolicy.PROVIDER_MONITORED,
                Map.of(
                        "web",
                        monitored(
                                iv("2026-10-07T09:00:00Z", "2026-10-07T09:03:00Z"),
                                iv("2026-10-07T10:00:00Z", "2026-10-07T10:05:00Z"))),
                Map.of(),
                NOW);
        var listed = cd.within(t("2026-10-01T00:00:00Z"), t("2026-11-01T00:00:00Z"));
        assertThat(listed).hasSize(2);
        assertThat(listed.get(0).counted()).isFalse();
        assertThat(listed.get(0).reason()).isEqualTo(StatementInterval.BELOW_MINIMUM);
        assertThat(listed.get(1).counted()).as("exactly the minimum counts").isTrue();
        assertThat(cd.countedSeconds(t("2026-10-01T00:00:00Z"), t("2026-11-01T00:00:00Z")))
                .isEqualTo(300);
    }

    @Test
    void rule5_theMinimumAppliesToTheWholeIntervalAcrossAPeriodBoundary() {
        var terms = terms(MeasurementPolicy.PROVIDER_MONITORED, List.of("api"), 600, "UTC", List.of());
        var cd = ContractDowntime.of(
                terms,
                MeasurementPolicy.PROVIDER_MONITORED,
                Map.of("api", monitored(iv("2026-10-31T23:55:00Z", "2026-11-01T00:05:00Z"))),
                Map.of(),
                t("2026-11-10T00:00:00Z"));
        // 5 minutes in each month, 10 in all: counted, 300 s in each period.
        assertThat(cd.countedSeconds(t("2026-10-01T00:00:00Z"), t("2026-11-01T00:00:00Z")))
                .isEqualTo(300);
        assertThat(cd.countedSeconds(t("2026-11-01T00:00:00Z"), t("2026-12-01T00:00:00Z")))
                .isEqualTo(300);
    }

    @Test
    void anOngoingIntervalRunsToThePresentAndCountsOnceItReachesTheMinimum() {
        var terms = terms(MeasurementPolicy.PROVIDER_MONITORED, List.of("api"), 300, "UTC", List.of());
        var history = Map.of("api", monitored(iv("2026-10-03T14:00:00Z", null)));
        var early = ContractDowntime.of(
                terms, MeasurementPolicy.PROVIDER_MONITORED, history, Map.of(), t("2026-10-03T14:04:59Z"));
        assertThat(early.intervals())
                .containsExactly(new Downtime(t("2026-10-03T14:00:00Z"), t("2026-10-03T14:04:59Z"), true, false));
        var later = ContractDowntime.of(
                terms, MeasurementPolicy.PROVIDER_MONITORED, history, Map.of(), t("2026-10-03T14:05:00Z"));
        assertThat(later.intervals())
                .containsExactly(new Downtime(t("2026-10-03T14:00:00Z"), t("2026-10-03T14:05:00Z"), true, true));
        var listed = later.within(t("2026-10-01T00:00:00Z"), t("2026-11-01T00:00:00Z"));
        assertThat(listed.get(0).end()).isNull();
        assertThat(listed.get(0).ongoing()).isTrue();
        assertThat(listed.get(0).seconds()).isEqualTo(300);
    }
}
