package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

/**
 * Availability and service credit from exact second counts (SPEC §3, §4, §6 rule 7). Comparisons
 * use the exact ratio (cross-multiplied integers and decimals), never a rounded figure.
 */
public final class Credit {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Credit() {}

    public static PolicyFigures figures(Terms terms, long eligible, long downtime) {
        long allowance = allowance(eligible, terms.uptimeTargetPercent());
        BigDecimal credit = creditPercent(terms.creditTiers(), terms.creditCapPercent(), eligible, downtime);
        return new PolicyFigures(
                eligible,
                allowance,
                downtime,
                availabilityPercent(eligible, downtime),
                downtime <= allowance,
                credit,
                amount(terms.monthlyFee(), credit));
    }

    /** floor(eligible × (100 − target) / 100): the largest whole downtime that meets the target. */
    public static long allowance(long eligible, BigDecimal targetPercent) {
        return BigDecimal.valueOf(eligible)
                .multiply(HUNDRED.subtract(targetPercent))
                .divide(HUNDRED, 0, RoundingMode.FLOOR)
                .longValueExact();
    }

    /** For display: half-up to 4 decimals. A period with no eligible time is 100% available. */
    public static BigDecimal availabilityPercent(long eligible, long downtime) {
        if (eligible <= 0) {
            return new BigDecimal("100.0000");
        }
        return BigDecimal.valueOf(eligible - downtime)
                .multiply(HUNDRED)
                .divide(BigDecimal.valueOf(eligible), 4, RoundingMode.HALF_UP);
    }

    /**
     * The creditPercent of the tier with the lowest belowPercent still above the availability;
     * zero when availability is at or above every belowPercent; capped.
     */
    public static BigDecimal creditPercent(
            List<CreditTier> tiers, BigDecimal capPercent, long eligible, long downtime) {
        if (eligible <= 0) {
            return BigDecimal.ZERO;
        }
        CreditTier chosen = null;
        for (CreditTier tier : tiers) {
            if (availabilityBelow(eligible, downtime, tier.belowPercent())
                    && (chosen == null || tier.belowPercent().compareTo(chosen.belowPercent()) < 0)) {
                chosen = tier;
            }
        }
        if (chosen == null) {
            return BigDecimal.ZERO;
        }
        BigDecimal cap = capPercent == null ? HUNDRED : capPercent;
        return chosen.creditPercent().min(cap);
    }

    /** (eligible − downtime) / eligible < percent / 100, exactly. */
    static boolean availabilityBelow(long eligible, long downtime, BigDecimal percent) {
        BigDecimal left = BigDecimal.valueOf(eligible - downtime).multiply(HUNDRED);
        BigDecimal right = percent.multiply(BigDecimal.valueOf(eligible));
        return left.compareTo(right) < 0;
    }

    /** fee × percent / 100, half-up to the currency's minor unit; null without a fee. */
    public static Money amount(Money fee, BigDecimal percent) {
        if (fee == null) {
            return null;
        }
        return new Money(
                fee.amount()
                        .multiply(percent)
                        .divide(HUNDRED)
                        .setScale(minorUnit(fee.currency()), RoundingMode.HALF_UP),
                fee.currency());
    }

    public static int minorUnit(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : digits;
        } catch (IllegalArgumentException e) {
            return 2;
        }
    }
}
