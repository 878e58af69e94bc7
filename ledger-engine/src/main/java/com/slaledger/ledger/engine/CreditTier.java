package com.slaledger.ledger.engine;

import java.math.BigDecimal;

/** {@code creditPercent} is due when availability is below {@code belowPercent}. */
public record CreditTier(BigDecimal belowPercent, BigDecimal creditPercent) {}
