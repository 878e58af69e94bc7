package com.slaledger.ledger.observation;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.HealthObserved;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class ObservationRepository implements PanacheRepositoryBase<Observation, String> {

    private static final String INSERT = "INSERT INTO observation"
            + " (dedup_key, service_id, probe_id, status, observed_at, received_at)"
            + " VALUES (:key, :service, :probe, :status, :observedAt, :receivedAt)"
            + " ON CONFLICT (dedup_key) DO NOTHING";

    /** Stores each observation unless its key is known: a duplicate or redelivery changes nothing. */
    public Uni<Void> insertNew(List<HealthObserved> events) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (HealthObserved e : events) {
            chain = chain.chain(() -> getSession().chain(session -> session.createNativeQuery(INSERT)
                            .setParameter("key", e.dedupKey())
                            .setParameter("service", e.serviceId())
                            .setParameter("probe", e.probeId())
                            .setParameter("status", e.status().name())
                            .setParameter("observedAt", e.observedAt())
                            .setParameter("receivedAt", e.receivedAt())
                            .executeUpdate()))
                    .replaceWithVoid();
        }
        return chain;
    }

    public Uni<List<Observation>> ofService(String serviceId, Instant from, Instant to, int limit) {
        return find(
                        "serviceId = :service and observedAt >= :from and observedAt < :to order by observedAt, probeId",
                        Parameters.with("service", serviceId).and("from", from).and("to", to))
                .page(0, limit)
                .list();
    }
}
