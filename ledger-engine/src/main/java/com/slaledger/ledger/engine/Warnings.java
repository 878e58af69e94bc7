package com.slaledger.ledger.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Warnings before a breach (SPEC §7): a share of the allowance is reached when the counted
 * downtime is at least that share of it, exactly (downtime × 100 ≥ allowance × share), and some
 * downtime has been counted (a zero allowance is not "reached" by zero downtime).
 */
public final class Warnings {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Warnings() {}

    /** The thresholds (percent of the allowance) reached by {@code downtime}, lowest first. */
    public static List<BigDecimal> reached(Collection<BigDecimal> thresholds, long downtime, long allowance) {
        List<BigDecimal> out = new ArrayList<>();
        if (downtime <= 0) {
            return out;
        }
        BigDecimal used = BigDecimal.valueOf(downtime).multiply(HUNDRED);
        for (BigDecimal t : thresholds) {
            if (used.compareTo(t.multiply(BigDecimal.valueOf(allowance))) >= 0) {
                out.add(t);
            }
        }
        out.sort(BigDecimal::compareTo);
        return out;
    }

    /** Thresholds reached and not yet published ({@code published} compared by value: 50 = 50.0). */
    public static List<BigDecimal> due(
            Collection<BigDecimal> thresholds, long downtime, long allowance, Collection<BigDecimal> published) {
        List<BigDecimal> out = new ArrayList<>();
        for (BigDecimal t : reached(thresholds, downtime, allowance)) {
            if (published.stream().noneMatch(p -> p.compareTo(t) == 0)) {
                out.add(t);
            }
        }
        return out;
    }

    /** downtime / allowance in percent, half-up to 2 decimals; 100 when downtime exceeds a zero allowance. */
    public static BigDecimal usedPercent(long downtime, long allowance) {
        if (allowance <= 0) {
            return downtime > 0 ? new BigDecimal("100.00") : new BigDecimal("0.00");
        }
        return BigDecimal.valueOf(downtime)
                .multiply(HUNDRED)
                .divide(BigDecimal.valueOf(allowance), 2, RoundingMode.HALF_UP);
    }
}
