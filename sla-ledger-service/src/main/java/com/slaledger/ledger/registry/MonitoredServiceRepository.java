package com.slaledger.ledger.registry;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MonitoredServiceRepository implements PanacheRepositoryBase<MonitoredService, String> {

    private final Clock clock;

    public MonitoredServiceRepository(Clock clock) {
        this.clock = clock;
    }

    /** Each service's down quorum; 1 for a service that is not registered (SPEC §4). */
    public Uni<Map<String, Integer>> quorums(Collection<String> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("serviceId in ?1", List.copyOf(serviceIds)).map(found -> {
            Map<String, Integer> quorums = new HashMap<>();
            serviceIds.forEach(id -> quorums.put(id, 1));
            found.forEach(s -> quorums.put(s.serviceId, s.downQuorum));
            return quorums;
        });
    }

    /** Registers or updates a service; true when it was new. */
    @WithTransaction
    public Uni<Boolean> upsert(String serviceId, String name, int downQuorum) {
        return findById(serviceId).chain(existing -> {
            MonitoredService s = existing == null ? new MonitoredService() : existing;
            s.serviceId = serviceId;
            s.name = name;
            s.downQuorum = downQuorum;
            s.updatedAt = clock.instant();
            return persist(s).replaceWith(existing == null);
        });
    }

    public Uni<List<MonitoredService>> all() {
        return listAll(Sort.by("serviceId"));
    }
}
