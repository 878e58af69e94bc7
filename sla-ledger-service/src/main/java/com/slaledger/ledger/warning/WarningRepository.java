package com.slaledger.ledger.warning;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class WarningRepository implements PanacheRepositoryBase<Warning, Warning.Key> {

    public Uni<List<Warning>> of(String contractId, String period) {
        return list("contractId = ?1 and period = ?2", contractId, period);
    }
}
