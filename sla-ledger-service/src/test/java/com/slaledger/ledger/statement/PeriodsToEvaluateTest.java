package com.slaledger.ledger.statement;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import com.slaledger.events.ContractChanged;
import com.slaledger.events.MeasurementPolicy;
import com.slaledger.ledger.change.ChangeTracker;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which periods a round evaluates: the current and previous, and back to what late data touched. */
class PeriodsToEvaluateTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");

    private static ContractChanged contract(String zone) {
        return new ContractChanged(
                "c",
                1,
                new ContractChanged.Customer("A", List.of("a@b.example")),
                List.of("api"),
                MeasurementPolicy.PROVIDER_MONITORED,
                new BigDecimal("99.9"),
                Duration.ZERO,
                zone,
                List.of(),
                new BigDecimal("100"),
                null,
                List.of(),
                NOW);
    }

    @Test
    void withoutLateDataTheCurrentAndPreviousPeriod() {
        assertThat(LedgerEvaluator.periodsToEvaluate(contract("UTC"), Map.of(), null, NOW))
                .containsExactly(YearMonth.of(2026, 11), YearMonth.of(2026, 10));
    }

    @Test
    void lateObservationsReachBackToThePeriodTheyTouch() {
        var marks = Map.of("api", new ChangeTracker.ServiceState("api", 7, Instant.parse("2026-08-31T23:30:00Z")));
        // In Lisbon that instant is already September.
        assertThat(LedgerEvaluator.periodsToEvaluate(contract("Europe/Lisbon"), marks, null, NOW))
                .containsExactly(YearMonth.of(2026, 11), YearMonth.of(2026, 10), YearMonth.of(2026, 9));
        assertThat(LedgerEvaluator.periodsToEvaluate(contract("UTC"), marks, null, NOW))
                .hasSize(4);
    }

    @Test
    void lateTicketsToo_andNeverMoreThanTheLookback() {
        assertThat(LedgerEvaluator.periodsToEvaluate(
                        contract("UTC"), Map.of(), Instant.parse("2020-01-01T00:00:00Z"), NOW))
                .hasSize(LedgerEvaluator.MAX_LOOKBACK_MONTHS + 1);
    }
}
