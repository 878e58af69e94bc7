package com.slaledger.ledger.registry;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slaledger.events.EventJson;
import com.slaledger.ledger.audit.AuditRepository;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MonitoredServiceRepository implements PanacheRepositoryBase<MonitoredService, String> {

    private final Clock clock;

    private final AuditRepository audit;

    public MonitoredServiceRepository(Clock clock, AuditRepository audit) {
        this.clock = clock;
        this.audit = audit;
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
    public Uni<Boolean> upsert(String serviceId, String name, int downQuorum, String actor) {
        return findById(serviceId).chain(existing -> {
            String before = existing == null ? null : document(existing.name, existing.downQuorum);
            String after = document(name, downQuorum);
            MonitoredService s = existing == null ? new MonitoredService() : existing;
            s.serviceId = serviceId;
            s.name = name;
            s.downQuorum = downQuorum;
            s.updatedAt = clock.instant();
            Uni<Void> recorded = after.equals(before)
                    ? Uni.createFrom().voidItem()
                    : audit.append(
                            actor,
                            existing == null ? "SERVICE_REGISTERED" : "SERVICE_CHANGED",
                            "service/" + serviceId,
                            before,
                            after);
            return persist(s).chain(() -> recorded).replaceWith(existing == null);
        });
    }

    /** A service's registry entry as the audit log keeps it. */
    private static String document(String name, int downQuorum) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", name);
        doc.put("downQuorum", downQuorum);
        try {
            return EventJson.mapper().writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public Uni<List<MonitoredService>> all() {
        return listAll(Sort.by("serviceId"));
    }
}
