package com.slaledger.ledger.engine;

import java.math.BigDecimal;

/** How a percentage or amount is written when its scale must not matter: 10, not 10.0000. */
public final class Decimals {

    private Decimals() {}

    /** {@code value} without trailing zeros in its scale (10.50 → 10.5, 1E+1 → 10); one tier, however written. */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal p = value.stripTrailingZeros();
        return p.scale() < 0 ? p.setScale(0) : p;
    }
}
