package com.slaledger.ledger.evaluation;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.slaledger.ledger.contract.ContractTerms;
import com.slaledger.ledger.contract.ContractVersion;
import com.slaledger.ledger.engine.MeasurementPolicy;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which periods a round evaluates: the current and previous, and back to what late data touched. */
class PeriodsToEvaluateTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static ContractVersion contract(String zone) {
        return ContractVersion.of(
                "c",
                1,
                new ContractTerms(
                        new ContractTerms.Customer("A", List.of("a@b.example")),
                        List.of("api"),
                        MeasurementPolicy.PROVIDER_MONITORED,
                        new BigDecimal("99.9"),
                        Duration.ZERO,
                        zone,
                        List.of(),
                        new BigDecimal("100"),
                        null,
                        List.of()),
                NOW,
                NOW);
    }

    @Test
    void withoutLateDataTheCurrentAndPreviousPeriod() {
        assertThat(EvaluationService.periodsToEvaluate(contract("UTC"), Map.of(), null, NOW))
                .containsExactly(YearMonth.of(2026, 11), YearMonth.of(2026, 10));
    }

    @Test
    void lateObservationsReachBackToThePeriodTheyTouch() {
        var marks =
                Map.of("api", new ChangeMarkRepository.ServiceState("api", 7, Instant.parse("2026-08-31T23:30:00Z")));
        // In Lisbon that instant is already September.
        assertThat(EvaluationService.periodsToEvaluate(contract("Europe/Lisbon"), marks, null, NOW))
                .containsExactly(YearMonth.of(2026, 11), YearMonth.of(2026, 10), YearMonth.of(2026, 9));
        assertThat(EvaluationService.periodsToEvaluate(contract("UTC"), marks, null, NOW))
                .hasSize(4);
    }

    @Test
    void lateTicketsToo_andNeverMoreThanTheLookback() {
        assertThat(EvaluationService.periodsToEvaluate(
                        contract("UTC"), Map.of(), Instant.parse("2020-01-01T00:00:00Z"), NOW))
                .hasSize(EvaluationService.MAX_LOOKBACK_MONTHS + 1);
    }
}
