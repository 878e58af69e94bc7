package com.slaledger.ledger.evaluation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The change marks, and their one owner: what folding changed since the evaluator last looked.
 * Folds record them in the transaction that stores the data (a service's observations: version + 1
 * and the earliest instant touched, in {@code service_state}; a contract's tickets or terms: the
 * earliest instant touched, in {@code contract_change}); the evaluator reads and clears them.
 */
@ApplicationScoped
public class ChangeMarkRepository {

    private static final String CONTRACT_CHANGED = "INSERT INTO contract_change (contract_id, changed_since, version)"
            + " VALUES (:contract, :since, 1)"
            + " ON CONFLICT (contract_id) DO UPDATE SET"
            + " changed_since = LEAST(contract_change.changed_since, EXCLUDED.changed_since),"
            + " version = contract_change.version + 1";

    private static final String SERVICES_CHANGED = "INSERT INTO service_state (service_id, version, changed_since)"
            + " SELECT s, 1, t FROM unnest($1::varchar[], $2::timestamptz[]) AS u(s, t)"
            + " ON CONFLICT (service_id) DO UPDATE SET version = service_state.version + 1,"
            + " changed_since = LEAST(COALESCE(service_state.changed_since, EXCLUDED.changed_since), EXCLUDED.changed_since)";

    /**
     * Services' observations changed from the given instants on: one statement on the fold's own
     * connection (the fold works on the SQL client, not a Hibernate session). Sorted by service,
     * so that concurrent folds lock the rows in one order.
     */
    public static Uni<Void> servicesChanged(SqlConnection conn, Map<String, Instant> earliestByService) {
        Map<String, Instant> sorted = new TreeMap<>(earliestByService);
        String[] services = sorted.keySet().toArray(String[]::new);
        OffsetDateTime[] since = sorted.values().stream()
                .map(i -> OffsetDateTime.ofInstant(i, ZoneOffset.UTC))
                .toArray(OffsetDateTime[]::new);
        return conn.preparedQuery(SERVICES_CHANGED)
                .execute(Tuple.of(services, since))
                .replaceWithVoid();
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

    /** A contract's mark: data from {@code changedSince} on changed; {@code version} counts the changes. */
    public record ContractMark(Instant changedSince, long version) {}

    public Uni<Map<String, ContractMark>> contracts() {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT contract_id, CAST(EXTRACT(EPOCH FROM changed_since) AS BIGINT), version"
                                        + " FROM contract_change",
                                Object[].class)
                        .getResultList())
                .map(rows -> {
                    Map<String, ContractMark> out = new HashMap<>();
                    for (Object[] r : rows) {
                        out.put((String) r[0], new ContractMark(instant(r[1]), ((Number) r[2]).longValue()));
                    }
                    return out;
                });
    }

    /**
     * Hands each changed service's mark on to the contracts that cover it ({@code covering}:
     * service → contracts), then clears the service's mark if nothing was folded for it meanwhile.
     * Each contract is then evaluated, and its own mark cleared, in a transaction of its own.
     */
    public Uni<Void> handOn(Map<String, List<String>> covering) {
        return services(List.copyOf(covering.keySet())).chain(states -> {
            Map<String, Instant> byContract = new TreeMap<>();
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (ServiceState state : states.values()) {
                if (state.changedSince() == null) {
                    continue;
                }
                for (String contract : covering.getOrDefault(state.serviceId(), List.of())) {
                    byContract.merge(contract, state.changedSince(), (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            for (var e : byContract.entrySet()) {
                chain = chain.chain(() -> contractChanged(e.getKey(), e.getValue()));
            }
            for (ServiceState state : new TreeMap<>(states).values()) {
                if (state.changedSince() != null) {
                    chain = chain.chain(() -> clearService(state.serviceId(), state.version()));
                }
            }
            return chain;
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

    /**
     * Clears a contract's mark if nothing changed the contract since the mark was read: by version,
     * not by instant (a late ticket that left the instant as it was still bumped the version).
     */
    public Uni<Void> clearContract(String contractId, long version) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("DELETE FROM contract_change WHERE contract_id = :c AND version = :v")
                        .setParameter("c", contractId)
                        .setParameter("v", version)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static Instant instant(Object epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(((Number) epochSeconds).longValue());
    }
}
