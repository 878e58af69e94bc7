package com.slaledger.ledger.shortfall;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ShortfallRepository implements PanacheRepositoryBase<Shortfall, Shortfall.Key> {

    /** A page of a contract's shortfalls, by period, element and tier. */
    public Uni<List<Shortfall>> ofContract(String contractId, int offset, int count) {
        return find("contractId", Sort.by("period").and("element").and("creditPercent"), contractId)
                .range(offset, offset + count - 1)
                .list();
    }

    public Uni<List<Shortfall>> of(String contractId, List<String> periods) {
        return list("contractId = ?1 and period in ?2", contractId, periods);
    }
}
