package com.slaledger.ledger.contract;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.slaledger.support.security.Caller;

/**
 * A contract as GET /api/v1/contracts/{contractId} answers it: its id and version, the terms'
 * fields inline (as they were put), and when this version was stored.
 */
public record ContractView(String contractId, long version, @JsonUnwrapped ContractTerms terms, Instant changedAt) {

    public static ContractView of(ContractVersion c) {
        return new ContractView(c.contractId(), c.version(), c.terms(), c.updatedAt());
    }

    /** As {@code caller} may see it: a caller who does not read everything (a customer) sees no alerts. */
    public static ContractView of(ContractVersion c, Caller caller) {
        return caller.readsAll()
                ? of(c)
                : new ContractView(c.contractId(), c.version(), c.terms().forCustomer(), c.updatedAt());
    }
}
