package com.slaledger.ledger.engine;

import java.math.BigDecimal;

/**
 * A period's figures under one policy. {@code allowanceSeconds} is the most downtime that still
 * meets the target: floor(eligible × (1 − target/100)); {@code met} ⇔ downtime ≤ allowance, the
 * exact comparison of availability with the target.
 */
public record PolicyFigures(
        long eligibleSeconds,
        long allowanceSeconds,
        long downtimeSeconds,
        BigDecimal availabilityPercent,
        boolean met,
        BigDecimal creditPercent,
        Money creditAmount) {}
