package com.slaledger.ledger.registry;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slaledger.events.EventJson;
import com.slaledger.ledger.audit.AuditRepository;
import com.slaledger.ledger.change.ChangeMarkRepository;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class MonitoredServiceRepository implements PanacheRepositoryBase<MonitoredService, String> {

    private final Clock clock;

    private final AuditRepository audit;

    private final ChangeMarkRepository changes;

    public MonitoredServiceRepository(Clock clock, AuditRepository audit, ChangeMarkRepository changes) {
        this.clock = clock;
        this.audit = audit;
        this.changes = changes;
    }

    /** What the engine needs of a service: its down quorum and staleness (0: never stale). */
    public record Rules(int downQuorum, long staleAfterSeconds) {

        public static final Rules DEFAULT = new Rules(1, 0);
    }

    /** Each service's rules; the defaults (quorum 1, never stale) for one that is not registered (SPEC §4). */
    public Uni<Map<String, Rules>> rules(Collection<String> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return list("serviceId in ?1", List.copyOf(serviceIds)).map(found -> {
            Map<String, Rules> rules = new HashMap<>();
            serviceIds.forEach(id -> rules.put(id, Rules.DEFAULT));
            found.forEach(s -> rules.put(
                    s.serviceId, new Rules(s.downQuorum, s.staleAfterSeconds == null ? 0 : s.staleAfterSeconds)));
            return rules;
        });
    }

    /** Registers or updates a service; true when it was new. */
    @WithTransaction
    public Uni<Boolean> upsert(String serviceId, String name, int downQuorum, Long staleAfterSeconds, String actor) {
        return findById(serviceId).chain(existing -> {
            String before =
                    existing == null ? null : document(existing.name, existing.downQuorum, existing.staleAfterSeconds);
            String after = document(name, downQuorum, staleAfterSeconds);
            MonitoredService s = existing == null ? new MonitoredService() : existing;
            s.serviceId = serviceId;
            s.name = name;
            s.downQuorum = downQuorum;
            s.staleAfterSeconds = staleAfterSeconds;
            s.updatedAt = clock.instant();
            Uni<Void> recorded = after.equals(before)
                    ? Uni.createFrom().voidItem()
                    : audit.append(
                                    actor,
                                    existing == null ? "SERVICE_REGISTERED" : "SERVICE_CHANGED",
                                    "service/" + serviceId,
                                    before,
                                    after)
                            // the contracts covering it are evaluated again under the new rules
                            .chain(() -> changes.serviceRulesChanged(serviceId, clock.instant()));
            return persist(s).chain(() -> recorded).replaceWith(existing == null);
        });
    }

    /** A service's registry entry as the audit log keeps it. */
    private static String document(String name, int downQuorum, Long staleAfterSeconds) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("name", name);
        doc.put("downQuorum", downQuorum);
        if (staleAfterSeconds != null) {
            doc.put("staleAfter", Duration.ofSeconds(staleAfterSeconds).toString());
        }
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
