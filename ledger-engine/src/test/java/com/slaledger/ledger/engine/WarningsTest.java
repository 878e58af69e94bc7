package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Warnings before a breach (SPEC §7), figures by hand. */
class WarningsTest {

    private static final List<BigDecimal> THRESHOLDS = List.of(new BigDecimal("50"), new BigDecimal("80"));

    @Test
    void aThresholdIsReachedAtExactlyItsShare() {
        // allowance 2,678 s: 50% is 1,339 s, 80% is 2,142.4 s
        assertThat(Warnings.reached(THRESHOLDS, 1_338, 2_678)).isEmpty();
        assertThat(Warnings.reached(THRESHOLDS, 1_339, 2_678)).containsExactly(new BigDecimal("50"));
        assertThat(Warnings.reached(THRESHOLDS, 2_142, 2_678)).containsExactly(new BigDecimal("50"));
        assertThat(Warnings.reached(THRESHOLDS, 2_143, 2_678))
                .containsExactly(new BigDecimal("50"), new BigDecimal("80"));
    }

    @Test
    void onlyThoseNotPublishedAreDue_comparedByValue() {
        assertThat(Warnings.due(THRESHOLDS, 2_143, 2_678, List.of(new BigDecimal("50.0000"))))
                .containsExactly(new BigDecimal("80"));
    }

    @Test
    void noDowntimeReachesNothing_evenWithAZeroAllowance() {
        assertThat(Warnings.reached(THRESHOLDS, 0, 0)).isEmpty();
        assertThat(Warnings.reached(THRESHOLDS, 1, 0)).hasSize(2);
    }

    @Test
    void usedPercentIsHalfUpToTwoDecimals() {
        // 1,339 / 2,678 = 50.00%; 1,000 / 2,678 = 37.341...%
        assertThat(Warnings.usedPercent(1_339, 2_678)).isEqualByComparingTo("50.00");
        assertThat(Warnings.usedPercent(1_000, 2_678)).isEqualByComparingTo("37.34");
        assertThat(Warnings.usedPercent(5, 0)).isEqualByComparingTo("100.00");
    }
}
