package com.slaledger.ledger.contract;

import java.time.Instant;
import java.time.ZoneId;

import com.slaledger.ledger.engine.Terms;

/**
 * A contract as stored: its current terms, their version, and the engine's {@link Terms},
 * translated once when the version is read (ContractRepository keeps them per version).
 */
public record ContractVersion(
        String contractId, long version, ContractTerms terms, Terms engine, Instant createdAt, Instant updatedAt) {

    public static ContractVersion of(
            String contractId, long version, ContractTerms terms, Instant createdAt, Instant updatedAt) {
        return new ContractVersion(contractId, version, terms, terms.engine(contractId), createdAt, updatedAt);
    }

    public ZoneId zone() {
        return engine.zone();
    }
}
