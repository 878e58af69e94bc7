package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** SPEC §4 credit tiers, cap and amount. */
class CreditTest {

    private static final long E = 1_000_000;

    private static BigDecimal credit(long downtime) {
        return Credit.creditPercent(Fixtures.SPEC_TIERS, new BigDecimal("100"), E, downtime);
    }

    @Test
    void theLowestTierStillAboveTheAvailabilityApplies() {
        assertThat(credit(0)).isEqualByComparingTo("0");
        assertThat(credit(1_000))
                .as("99.9% exactly: at the tier, so not below it")
                .isEqualByComparingTo("0");
        assertThat(credit(1_001)).isEqualByComparingTo("10");
        assertThat(credit(10_000)).as("99.0% exactly").isEqualByComparingTo("10");
        assertThat(credit(10_001)).isEqualByComparingTo("25");
        assertThat(credit(50_001)).isEqualByComparingTo("100");
    }

    @Test
    void tiersNeedNotBeGivenInOrder() {
        var reversed = List.of(Fixtures.SPEC_TIERS.get(2), Fixtures.SPEC_TIERS.get(0), Fixtures.SPEC_TIERS.get(1));
        assertThat(Credit.creditPercent(reversed, null, E, 20_000)).isEqualByComparingTo("25");
    }

    @Test
    void theCapLimitsTheCredit() {
        assertThat(Credit.creditPercent(Fixtures.SPEC_TIERS, new BigDecimal("30"), E, 60_000))
                .isEqualByComparingTo("30");
    }

    @Test
    void theAmountIsRoundedHalfUpToTheCurrencysMinorUnit() {
        assertThat(Credit.amount(new Money(new BigDecimal("999.99"), "EUR"), new BigDecimal("25")))
                .isEqualTo(new Money(new BigDecimal("250.00"), "EUR")); // 249.9975
        assertThat(Credit.amount(new Money(new BigDecimal("1005"), "JPY"), new BigDecimal("10")))
                .isEqualTo(new Money(new BigDecimal("101"), "JPY")); // 100.5
        assertThat(Credit.amount(new Money(new BigDecimal("10.005"), "BHD"), new BigDecimal("10")))
                .isEqualTo(new Money(new BigDecimal("1.001"), "BHD")); // 1.0005, 3 decimals
        assertThat(Credit.amount(null, BigDecimal.TEN)).isNull();
    }

    @Test
    void allowanceIsTheLargestWholeDowntimeThatMeetsTheTarget() {
        assertThat(Credit.allowance(2_674_800, new BigDecimal("99.9"))).isEqualTo(2674);
        assertThat(Credit.allowance(1_000_000, new BigDecimal("100"))).isZero();
        assertThat(Credit.allowance(1_000_000, new BigDecimal("99.99"))).isEqualTo(100);
    }
}
