package com.slaledger.ledger.contract;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import com.slaledger.ledger.engine.MeasurementPolicy;
import com.slaledger.support.rest.Violation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §4 validation, rule by rule. */
class ContractValidatorTest {

    static ContractRequest valid() {
        return new ContractRequest(
                new ContractRequest.Customer("Acme Ltd", List.of("sla@acme.example")),
                List.of("api", "web"),
                "PROVIDER_MONITORED",
                new BigDecimal("99.9"),
                "PT5M",
                "Europe/Lisbon",
                List.of(
                        new ContractRequest.Tier(new BigDecimal("99.9"), BigDecimal.TEN),
                        new ContractRequest.Tier(new BigDecimal("99.0"), new BigDecimal("25"))),
                new BigDecimal("100"),
                new ContractRequest.Fee(new BigDecimal("1000.00"), "EUR"),
                List.of(new ContractRequest.Window("2026-10-10T01:00:00Z", "2026-10-10T03:00:00Z", "DB upgrade")));
    }

    private static List<String> fields(String id, ContractRequest r) {
        return ContractValidator.validate(id, r).violations().stream()
                .map(Violation::field)
                .toList();
    }

    @Test
    void theSpecExampleIsValid() {
        var result = ContractValidator.validate("acme", valid());
        assertThat(result.violations()).isEmpty();
        assertThat(result.contract().policy()).isEqualTo(MeasurementPolicy.PROVIDER_MONITORED);
        assertThat(result.contract().minimumDowntime()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void defaultsApply() {
        var r = new ContractRequest(
                valid().customer(),
                List.of("api"),
                "CUSTOMER_TICKET",
                new BigDecimal("99"),
                null,
                null,
                null,
                null,
                null,
                null);
        var c = ContractValidator.validate("acme", r).contract();
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
                List.of(new ContractRequest.Window("2026-10-10T03:00:00Z", "2026-10-10T01:00:00Z", null)));
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
                        new ContractRequest.Window("2026-10-10T02:00:00Z", "2026-10-10T04:00:00Z", null)));
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
                        new ContractRequest.Window("2026-10-10T01:00:00Z", "2026-10-10T03:00:00Z", null)));
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
                        new ContractRequest.Window("2026-10-10T03:00:00Z", "2026-10-10T04:00:00Z", null)));
        assertThat(fields("acme", touching)).isEmpty();
    }

    @Test
    void servicesMustBeWellFormedAndNamedOnce() {
        var base = valid();
        var r = new ContractRequest(
                base.customer(),
                List.of("api", "api", "no spaces"),
                base.policy(),
                base.uptimeTargetPercent(),
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
}
