package com.slaledger.support.persistence;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.slaledger.events.ContractChanged;
import com.slaledger.support.messaging.ConsumerRetry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * A service's own view of the contracts, kept from the compacted {@code sla.contracts} topic: one
 * row per contract in {@code contract_view} (columns {@code contract_id}, {@code version},
 * {@code updated_at} and the service's own), holding the newest version seen. One statement does
 * the "keep the newest" rule, so an older or repeated version changes nothing, also when two
 * instances apply versions at once. A service subclasses this with the columns it needs.
 */
public abstract class ContractProjection {

    private final String upsert;
    private final Clock clock;

    /** {@code columns}: the view's own columns besides contract_id, version and updated_at. */
    protected ContractProjection(Clock clock, String... columns) {
        this.clock = clock;
        StringBuilder names = new StringBuilder("contract_id, version, updated_at");
        StringBuilder values = new StringBuilder(":contract_id, :version, :updated_at");
        StringBuilder updates = new StringBuilder("version = EXCLUDED.version, updated_at = EXCLUDED.updated_at");
        for (String c : columns) {
            names.append(", ").append(c);
            values.append(", :").append(c);
            updates.append(", ").append(c).append(" = EXCLUDED.").append(c);
        }
        this.upsert = "INSERT INTO contract_view (" + names + ") VALUES (" + values + ")"
                + " ON CONFLICT (contract_id) DO UPDATE SET " + updates
                + " WHERE contract_view.version < EXCLUDED.version";
    }

    /** The service's own columns for a version, by the names given to the constructor. */
    protected abstract Map<String, Object> columns(ContractChanged event);

    /** What a version must carry for this view; an event without it is dead-lettered. */
    public abstract boolean complete(ContractChanged event);

    /**
     * For the service's consumer of {@code sla.contracts}: an incomplete version fails (the
     * channel's failure strategy dead-letters it); a complete one is applied in a transaction of
     * its own, retried while the database fails.
     */
    public Uni<Void> consume(ContractChanged event) {
        if (event.contractId() == null || !complete(event)) {
            return Uni.createFrom()
                    .failure(new IllegalArgumentException("contract event without contractId or what "
                            + getClass().getSimpleName() + " keeps"));
        }
        return ConsumerRetry.untilDone(Panache.withTransaction(() -> apply(event)))
                .replaceWithVoid();
    }

    /** Applies a version inside the caller's transaction; true when it was newer than the view's. */
    public Uni<Boolean> apply(ContractChanged event) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("contract_id", event.contractId());
        params.put("version", event.version());
        params.put("updated_at", clock.instant());
        params.putAll(columns(event));
        return Panache.getSession()
                .chain(s -> {
                    var query = s.createNativeQuery(upsert);
                    params.forEach(query::setParameter);
                    return query.executeUpdate();
                })
                .map(rows -> rows == 1);
    }

    /** A list stored as one comma-separated text column. */
    protected static String joined(List<String> values) {
        return values.stream().collect(Collectors.joining(","));
    }
}
