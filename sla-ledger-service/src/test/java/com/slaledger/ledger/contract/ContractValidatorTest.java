package com.slaledger.ledger.contract;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;

import com.slaledger.ledger.engine.MeasurementPolicy;
import com.slaledger.ledger.engine.NoDataRule;
import com.slaledger.support.rest.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §4 validation, rule by rule. */
class ContractValidatorTest {

    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final Duration HORIZON = Duration.ofDays(400);

    static ContractRequest valid() {
        return new ContractRequest(
                new ContractRequest.Customer("Acme Ltd", List.of("sla@acme.example")),
                CoveredService.all("api", "web"),
                "PROVIDER_MONITORED",
                new BigDecimal("99.9"),
                "PT5M",
                "Europe/Lisbon",
                List.of(
                        new ContractRequest.Tier(new BigDecimal("99.9"), BigDecimal.TEN),
                        new ContractRequest.Tier(new BigDecimal("99.0"), new BigDecimal("25"))),
                new BigDecimal("100"),
                new ContractRequest.Fee(new BigDecimal("1000.00"), "EUR"),
                List.of(new ContractRequest.Window("2026-10-10T01:00:00Z", "2026-10-10T03:00:00Z", "DB upgrade")),
                null,
                null,
                null);
    }

    private static List<String> fields(String id, ContractRequest r) {
        return ContractValidator.validate(id, r, NOW, HORIZON).violations().stream()
                .map(Violation::field)
                .toList();
    }

    @Test
    void theSpecExampleIsValid() {
        var result = ContractValidator.validate("acme", valid(), NOW, HORIZON);
        assertThat(result.violations()).isEmpty();
        assertThat(result.contract().policy()).isEqualTo(MeasurementPolicy.PROVIDER_MONITORED);
        assertThat(result.contract().minimumDowntime()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void defaultsApply() {
        var r = new ContractRequest(
                valid().customer(),
                CoveredService.all("api"),
                "CUSTOMER_TICKET",
                new BigDecimal("99"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        var c = ContractValidator.validate("acme", r, NOW, HORIZON).contract();
        assertThat(c.minimumDowntime()).isZero();
        assertThat(c.timezone()).isEqualTo("UTC");
        assertThat(c.creditCapPercent()).isEqualByComparingTo("100");
        assertThat(c.creditTiers()).isEmpty();
        assertThat(c.maintenanceWindows()).isEmpty();
        assertThat(c.monthlyFee()).isNull();
    }

    @Test
    void everyOffendingFieldIsNamed() {
        var r = new ContractRequest(
                new ContractRequest.Customer("", List.of("not-an-address", "ok@acme.example")),
                List.of(),
                "BEST_EFFORT",
                new BigDecimal("100.5"),
                "-PT5M",
                "Mars/Olympus",
                List.of(
                        new ContractRequest.Tier(new BigDecimal("99.9"), new BigDecimal("101")),
                        new ContractRequest.Tier(new BigDecimal("99.90"), BigDecimal.TEN)),
                new BigDecimal("-1"),
                new ContractRequest.Fee(new BigDecimal("-5"), "EURO"),
                List.of(new ContractRequest.Window("2026-10-10T03:00:00Z", "2026-10-10T01:00:00Z", null)),
                null,
                null,
                null);
        assertThat(fields("Bad_Id", r))
                .containsExactlyInAnyOrder(
                        "contractId",
                        "customer.name",
                        "customer.noticeEmails[0]",
                        "services",
                        "policy",
                        "uptimeTargetPercent",
                        "minimumDowntime",
                        "timezone",
                        "creditTiers[0].creditPercent",
                        "creditTiers[1].belowPercent",
                        "creditCapPercent",
                        "monthlyFee.amount",
                        "monthlyFee.currency",
                        "maintenanceWindows[0].end");
    }

    @Test
    void targetMustBeAboveZeroAndAtMostAHundred() {
        var base = valid();
        for (String bad : List.of("0", "-1", "100.0001")) {
            var r = new ContractRequest(
                    base.customer(),
                    base.services(),
                    base.policy(),
                    new BigDecimal(bad),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
            assertThat(fields("acme", r)).containsExactly("uptimeTargetPercent");
        }
        var hundred = new ContractRequest(
                base.customer(),
                base.services(),
                base.policy(),
                new BigDecimal("100"),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(fields("acme", hundred)).isEmpty();
    }

    @Test
    void windowsMustBeInOrderAndMustNotOverlap() {
        var base = valid();
        var overlapping = new ContractRequest(
                base.customer(),
                base.services(),
                base.policy(),
                base.uptimeTargetPercent(),
                null,
                null,
                null,
                null,
                null,
                List.of(
                        new ContractRequest.Window("2026-10-10T01:00:00Z", "2026-10-10T03:00:00Z", null),
                        new ContractRequest.Window("2026-10-10T02:00:00Z", "2026-10-10T04:00:00Z", null)),
                null,
                null,
                null);
        assertThat(fields("acme", overlapping)).containsExactly("maintenanceWindows[1].start");
        var unordered = new ContractRequest(
                base.customer(),
                base.services(),
                base.policy(),
                base.uptimeTargetPercent(),
                null,
                null,
                null,
                null,
                null,
                List.of(
                        new ContractRequest.Window("2026-10-12T01:00:00Z", "2026-10-12T03:00:00Z", null),
                        new ContractRequest.Window("2026-10-10T01:00:00Z", "2026-10-10T03:00:00Z", null)),
                null,
                null,
                null);
        assertThat(fields("acme", unordered)).containsExactly("maintenanceWindows[1].start");
        var touching = new ContractRequest(
                base.customer(),
                base.services(),
                base.policy(),
                base.uptimeTargetPercent(),
                null,
                null,
                null,
                null,
                null,
                List.of(
                        new ContractRequest.Window("2026-10-10T01:00:00Z", "2026-10-10T03:00:00Z", null),
                        new ContractRequest.Window("2026-10-10T03:00:00Z", "2026-10-10T04:00:00Z", null)),
                null,
                null,
                null);
        assertThat(fields("acme", touching)).isEmpty();
    }

    @Test
    void servicesMustBeWellFormedAndNamedOnce() {
        var base = valid();
        var r = new ContractRequest(
                base.customer(),
                CoveredService.all("api", "api", "no spaces"),
                base.policy(),
                base.uptimeTargetPercent(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
        assertThat(fields("acme", r)).containsExactly("services[1]", "services[2]");
    }

    @Test
    void aMissingBodyIsAViolation() {
        assertThat(fields("acme", null)).containsExactly("");
    }

    private static ContractRequest with(
            BigDecimal target, List<ContractRequest.Tier> tiers, BigDecimal cap, ContractRequest.Fee fee) {
        var b = valid();
        return new ContractRequest(
                b.customer(), b.services(), b.policy(), target, null, null, tiers, cap, fee, null, null, null, null);
    }

    /** The valid example with its windows, noData, alerts and startsOn replaced. */
    private static ContractRequest with(
            List<ContractRequest.Window> windows, String noData, ContractRequest.Alerts alerts, String startsOn) {
        var b = valid();
        return new ContractRequest(
                b.customer(),
                b.services(),
                b.policy(),
                b.uptimeTargetPercent(),
                null,
                null,
                null,
                null,
                null,
                windows,
                noData,
                alerts,
                startsOn);
    }

    @Test
    void percentagesHaveAtMostFourDecimalsAndAmountsTheCurrencysMinorUnit() {
        // the defect: 33.33333 was stored as 33.3333, the next round saw a "higher" tier and failed
        assertThat(fields(
                        "acme",
                        with(
                                new BigDecimal("99.99999"),
                                List.of(new ContractRequest.Tier(
                                        new BigDecimal("99.12345"), new BigDecimal("33.33333"))),
                                new BigDecimal("50.00001"),
                                new ContractRequest.Fee(new BigDecimal("10.001"), "EUR"))))
                .containsExactlyInAnyOrder(
                        "uptimeTargetPercent",
                        "creditTiers[0].belowPercent",
                        "creditTiers[0].creditPercent",
                        "creditCapPercent",
                        "monthlyFee.amount");
        assertThat(fields(
                        "acme",
                        with(
                                new BigDecimal("99.9999"),
                                List.of(new ContractRequest.Tier(
                                        new BigDecimal("99.1234"), new BigDecimal("33.33330"))),
                                new BigDecimal("50.0000"),
                                new ContractRequest.Fee(new BigDecimal("10.00"), "EUR"))))
                .isEmpty();
        assertThat(fields(
                        "acme",
                        with(new BigDecimal("99"), null, null, new ContractRequest.Fee(new BigDecimal("10.5"), "JPY"))))
                .containsExactly("monthlyFee.amount");
    }

    @Test
    void listsAreBounded() {
        var b = valid();
        List<CoveredService> services = new java.util.ArrayList<>();
        for (int i = 0; i < 101; i++) {
            services.add(CoveredService.of("s" + i));
        }
        var emails = Collections.nCopies(21, "a@b.example");
        var tiers = new java.util.ArrayList<ContractRequest.Tier>();
        for (int i = 1; i <= 21; i++) {
            tiers.add(new ContractRequest.Tier(BigDecimal.valueOf(i), BigDecimal.ONE));
        }
        var windows = new java.util.ArrayList<ContractRequest.Window>();
        for (int i = 0; i < 501; i++) {
            Instant start = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(3600L * i);
            windows.add(new ContractRequest.Window(
                    start.toString(), start.plusSeconds(60).toString(), null));
        }
        var r = new ContractRequest(
                new ContractRequest.Customer("x".repeat(201), emails),
                services,
                b.policy(),
                b.uptimeTargetPercent(),
                null,
                null,
                tiers,
                null,
                null,
                windows,
                null,
                null,
                null);
        assertThat(fields("acme", r))
                .containsExactlyInAnyOrder(
                        "customer.name", "customer.noticeEmails", "services", "creditTiers", "maintenanceWindows");
    }

    @Test
    void maintenanceWindowsLieAfter2000AndWithinTheLateHorizon() {
        var r = with(
                List.of(
                        new ContractRequest.Window("1999-12-31T00:00:00Z", "1999-12-31T02:00:00Z", "x".repeat(1001)),
                        new ContractRequest.Window("2025-01-01T00:00:00Z", "2025-01-01T02:00:00Z", null)),
                null,
                null,
                null);
        assertThat(fields("acme", r))
                .containsExactlyInAnyOrder(
                        "maintenanceWindows[0].start",
                        "maintenanceWindows[0].end",
                        "maintenanceWindows[0].reason",
                        "maintenanceWindows[1].start",
                        "maintenanceWindows[1].end");
    }

    @Test
    void noDataAlertsAndStartsOn() {
        var good = with(
                null,
                "EXCLUDED",
                new ContractRequest.Alerts(
                        List.of("noc@provider.example"), List.of(new BigDecimal("80"), new BigDecimal("50.0"))),
                "2026-10-01");
        var c = ContractValidator.validate("acme", good, NOW, HORIZON).contract();
        assertThat(c.noData()).isEqualTo(NoDataRule.EXCLUDED);
        assertThat(c.alerts().allowanceUsedPercent()).containsExactly(new BigDecimal("50"), new BigDecimal("80"));
        assertThat(c.startsOn()).isEqualTo(LocalDate.of(2026, 10, 1));
        assertThat(ContractValidator.validate("acme", valid(), NOW, HORIZON)
                        .contract()
                        .noData())
                .isEqualTo(NoDataRule.UP);

        var bad = with(
                null,
                "MAYBE",
                new ContractRequest.Alerts(
                        List.of("nope"), List.of(new BigDecimal("0"), new BigDecimal("50"), new BigDecimal("50.00"))),
                "01/10/2026");
        assertThat(fields("acme", bad))
                .containsExactlyInAnyOrder(
                        "noData",
                        "alerts.emails[0]",
                        "alerts.allowanceUsedPercent[0]",
                        "alerts.allowanceUsedPercent[2]",
                        "startsOn");
    }

    static ContractRequest withElements(ContractRequest.Support support, List<ContractRequest.Duty> duties) {
        ContractRequest r = valid();
        return new ContractRequest(
                r.customer(),
                r.services(),
                r.policy(),
                r.uptimeTargetPercent(),
                r.minimumDowntime(),
                r.timezone(),
                r.creditTiers(),
                r.creditCapPercent(),
                r.monthlyFee(),
                r.maintenanceWindows(),
                r.noData(),
                r.alerts(),
                r.startsOn(),
                support,
                duties);
    }

    /** SPEC §13.2 and §13.3: the example's support targets and duty, with their defaults. */
    @Test
    void supportTargetsAndDutiesAreRead() {
        var result = ContractValidator.validate(
                "acme",
                withElements(
                        new ContractRequest.Support(
                                "eu",
                                List.of(
                                        new ContractRequest.Target("P2", null, "P1D", null),
                                        new ContractRequest.Target("P1", "PT30M", "PT4H", new BigDecimal("95")))),
                        List.of(new ContractRequest.Duty(
                                "db-backup", "Nightly database backup", "P1D", "PT2H", "2026-10-01T00:00:00Z"))),
                NOW,
                HORIZON);
        assertThat(result.violations()).isEmpty();
        var support = result.contract().support();
        assertThat(support.calendar()).isEqualTo("eu");
        // by priority; percentMet defaults to 100
        assertThat(support.targets())
                .extracting(ContractTerms.SupportTarget::priority)
                .containsExactly("P1", "P2");
        assertThat(support.targets().get(1).percentMet()).isEqualByComparingTo("100");
        assertThat(support.targets().get(1).firstResponse()).isNull();
        var duty = result.contract().duties().get(0);
        assertThat(duty.every()).isEqualTo(Duration.ofDays(1));
        assertThat(duty.grace()).isEqualTo(Duration.ofHours(2));
        // without them: no support, no duties; the calendar defaults to 24x7
        assertThat(ContractValidator.validate("acme", valid(), NOW, HORIZON)
                        .contract()
                        .duties())
                .isEmpty();
        assertThat(ContractValidator.validate(
                                "acme",
                                withElements(
                                        new ContractRequest.Support(
                                                null, List.of(new ContractRequest.Target("P3", "PT1H", null, null))),
                                        null),
                                NOW,
                                HORIZON)
                        .contract()
                        .support()
                        .calendar())
                .isEqualTo("24x7");
    }

    @Test
    void badSupportTargetsAndDutiesAreNamedField_byField() {
        assertThat(fields(
                        "acme",
                        withElements(
                                new ContractRequest.Support(
                                        "bad calendar!",
                                        List.of(
                                                new ContractRequest.Target("P5", "PT30M", null, null),
                                                new ContractRequest.Target("P1", null, null, new BigDecimal("0")),
                                                new ContractRequest.Target(
                                                        "P2", "-PT1M", "soon", new BigDecimal("95.00001")))),
                                List.of(
                                        new ContractRequest.Duty("db-backup", "", "P0D", "-PT1H", "yesterday"),
                                        new ContractRequest.Duty("db-backup", "Again", null, null, null)))))
                .containsExactlyInAnyOrder(
                        "support.calendar",
                        "support.targets[0].priority",
                        "support.targets[1]",
                        "support.targets[1].percentMet",
                        "support.targets[2].firstResponse",
                        "support.targets[2].resolution",
                        "support.targets[2].percentMet",
                        "duties[0].name",
                        "duties[0].every",
                        "duties[0].grace",
                        "duties[0].since",
                        "duties[1].dutyId",
                        "duties[1].every",
                        "duties[1].since");
        // at most 50 targets and duties together (SPEC §11)
        List<ContractRequest.Duty> many = new java.util.ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(new ContractRequest.Duty("d" + i, "Duty " + i, "P1D", null, "2026-10-01T00:00:00Z"));
        }
        assertThat(fields("acme", withElements(null, many))).containsExactly("duties");
    }
}
