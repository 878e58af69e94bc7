package com.slaledger.ledger.shortfall;

import java.math.BigDecimal;
import java.time.Instant;

import com.slaledger.ledger.statement.EngineMapping;

/** A shortfall as GET /api/v1/contracts/{contractId}/shortfalls lists it. */
public record ShortfallView(
        String contractId,
        String period,
        BigDecimal creditPercent,
        long downtimeSeconds,
        long allowanceSeconds,
        long eligibleSeconds,
        BigDecimal availabilityPercent,
        Instant detectedAt) {

    static ShortfallView of(Shortfall s) {
        return new ShortfallView(
                s.contractId,
                s.period,
                EngineMapping.plain(s.creditPercent),
                s.downtimeSeconds,
                s.allowanceSeconds,
                s.eligibleSeconds,
                s.availabilityPercent,
                s.detectedAt);
    }
}
