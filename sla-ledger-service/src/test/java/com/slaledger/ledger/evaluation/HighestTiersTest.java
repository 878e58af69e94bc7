package com.slaledger.ledger.evaluation;

import java.math.BigDecimal;
import java.util.List;

import com.slaledger.ledger.shortfall.Shortfall;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which credit tier was last published, per contract and period: a shortfall goes out only above it. */
class HighestTiersTest {

    private static Shortfall published(String contract, String period, String tier) {
        Shortfall s = new Shortfall();
        s.contractId = contract;
        s.period = period;
        s.creditPercent = new BigDecimal(tier);
        return s;
    }

    @Test
    void theHighestTierPerContractAndPeriod() {
        var highest = EvaluationService.highestTiers(List.of(
                published("acme", "2026-10", "10"),
                published("acme", "2026-10", "25"),
                published("acme", "2026-11", "10"),
                published("globex", "2026-10", "5")));
        assertThat(highest)
                .containsOnlyKeys("acme/2026-10", "acme/2026-11", "globex/2026-10")
                .containsEntry("acme/2026-10", new BigDecimal("25"))
                .containsEntry("acme/2026-11", new BigDecimal("10"))
                .containsEntry("globex/2026-10", new BigDecimal("5"));
    }

    @Test
    void nothingPublishedIsAnEmptyMap() {
        assertThat(EvaluationService.highestTiers(List.of())).isEmpty();
    }
}
