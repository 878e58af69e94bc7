package com.slaledger.ledger.shortfall;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ShortfallRepository implements PanacheRepositoryBase<Shortfall, Shortfall.Key> {

    public Uni<List<Shortfall>> ofContract(String contractId) {
        return list("contractId", Sort.by("period").and("creditPercent"), contractId);
    }

    public Uni<List<Shortfall>> inPeriods(List<String> periods) {
        return list("period in ?1", periods);
    }
}
