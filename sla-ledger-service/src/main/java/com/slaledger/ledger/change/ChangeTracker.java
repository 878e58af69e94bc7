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
 * Records, in the transaction that folds an event, what it changed: a contract's tickets
 * (earliest instant touched; a service's observations are marked by ObservationFold in the same
 * way, with a version too). The evaluator reads and clears these marks.
 */
@ApplicationScoped
public class ChangeTracker {

    private static final String CONTRACT_CHANGED = "INSERT INTO contract_change (contract_id, changed_since)"
            + " VALUES (:contract, :since)"
            + " ON CONFLICT (contract_id) DO UPDATE SET changed_since = LEAST(contract_change.changed_since, EXCLUDED.changed_since)";

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
