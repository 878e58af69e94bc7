package com.slaledger.ledger.change;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records, in the transaction that folds an event, what the event changed: a service's
 * observations (version + earliest instant touched) or a contract's tickets or terms (earliest
 * instant touched). The evaluator reads and clears these marks.
 */
@ApplicationScoped
public class ChangeTracker {

    private static final String SERVICE_CHANGED = "INSERT INTO service_state (service_id, version, changed_since)"
            + " VALUES (:service, 1, :since)"
            + " ON CONFLICT (service_id) DO UPDATE SET version = service_state.version + 1,"
            + " changed_since = LEAST(COALESCE(service_state.changed_since, EXCLUDED.changed_since), EXCLUDED.changed_since)";

    private static final String CONTRACT_CHANGED = "INSERT INTO contract_change (contract_id, changed_since)"
            + " VALUES (:contract, :since)"
            + " ON CONFLICT (contract_id) DO UPDATE SET changed_since = LEAST(contract_change.changed_since, EXCLUDED.changed_since)";

    /** A service's observations changed from {@code since} on. */
    public Uni<Void> serviceChanged(String serviceId, Instant since) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(SERVICE_CHANGED)
                        .setParameter("service", serviceId)
                        .setParameter("since", since.truncatedTo(ChronoUnit.SECONDS))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Services' observations changed: service → earliest instant touched. Sorted to avoid lock-order deadlocks. */
    public Uni<Void> servicesChanged(Map<String, Instant> earliest) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String service : earliest.keySet().stream().sorted().toList()) {
            chain = chain.chain(() -> serviceChanged(service, earliest.get(service)));
        }
        return chain;
    }

    /** A contract's tickets or terms changed from {@code since} on. */
    public Uni<Void> contractChanged(String contractId, Instant since) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(CONTRACT_CHANGED)
                        .setParameter("contract", contractId)
                        .setParameter("since", since.truncatedTo(ChronoUnit.SECONDS))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** A service's state as last folded. */
    public record ServiceState(String serviceId, long version, Instant changedSince) {}

    public Uni<Map<String, ServiceState>> services(List<String> serviceIds) {
        if (serviceIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT service_id, version, CAST(EXTRACT(EPOCH FROM changed_since) AS BIGINT)"
                                        + " FROM service_state WHERE service_id IN (:ids)",
                                Object[].class)
                        .setParameter("ids", serviceIds)
                        .getResultList())
                .map(rows -> {
                    Map<String, ServiceState> out = new HashMap<>();
                    for (Object[] r : rows) {
                        out.put(
                                (String) r[0],
                                new ServiceState((String) r[0], ((Number) r[1]).longValue(), instant(r[2])));
                    }
                    return out;
                });
    }

    public Uni<Map<String, Instant>> contracts() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT contract_id, CAST(EXTRACT(EPOCH FROM changed_since) AS BIGINT) FROM contract_change",
                                Object[].class)
                        .getResultList())
                .map(rows -> {
                    Map<String, Instant> out = new HashMap<>();
                    for (Object[] r : rows) {
                        out.put((String) r[0], instant(r[1]));
                    }
                    return out;
                });
    }

    /** Clears a service's mark if nothing was folded for it since {@code version} was read. */
    public Uni<Void> clearService(String serviceId, long version) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "UPDATE service_state SET changed_since = NULL WHERE service_id = :s AND version = :v")
                        .setParameter("s", serviceId)
                        .setParameter("v", version)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Clears a contract's mark if it was not lowered since it was read. */
    public Uni<Void> clearContract(String contractId, Instant since) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "DELETE FROM contract_change WHERE contract_id = :c AND changed_since = :since")
                        .setParameter("c", contractId)
                        .setParameter("since", since)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static Instant instant(Object epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(((Number) epochSeconds).longValue());
    }
}
