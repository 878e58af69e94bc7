package com.slaledger.ledger.observation;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ObservationRepository implements PanacheRepositoryBase<Observation, String> {

    public Uni<List<Observation>> ofService(String serviceId, Instant from, Instant to, int limit) {
        return find(
                        "serviceId = :service and observedAt >= :from and observedAt < :to order by observedAt, probeId",
                        Parameters.with("service", serviceId).and("from", from).and("to", to))
                .page(0, limit)
                .list();
    }
}
