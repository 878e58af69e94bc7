package com.slaledger.ledger.statement;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class IssuedStatementRepository implements PanacheRepositoryBase<IssuedStatement, IssuedStatement.Key> {

    public Uni<List<IssuedStatement>> of(String contractId, List<String> periods) {
        return list("contractId = ?1 and period in ?2", contractId, periods);
    }
}
