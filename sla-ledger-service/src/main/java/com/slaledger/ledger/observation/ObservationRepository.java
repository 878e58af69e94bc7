package com.slaledger.ledger.observation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.ledger.engine.HealthStatus;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** Reads stored observations (only the months of the window asked for are touched). */
@ApplicationScoped
public class ObservationRepository {

    private static final String OF_SERVICE = "SELECT p.probe_id, o.status, o.observed_at"
            + " FROM observation o JOIN probe p ON p.probe_key = o.probe_key"
            + " WHERE p.service_id = $1 AND o.observed_at >= $2 AND o.observed_at < $3"
            + " ORDER BY o.observed_at, p.probe_id, o.status LIMIT $4";

    /** A stored observation. */
    public record Stored(String serviceId, String probeId, HealthStatus status, Instant observedAt) {}

    private final Pool pool;

    public ObservationRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<Stored>> ofService(String serviceId, Instant from, Instant to, int limit) {
        return pool.preparedQuery(OF_SERVICE)
                .execute(Tuple.of(serviceId, utc(from), utc(to), limit))
                .map(rows -> {
                    List<Stored> out = new ArrayList<>();
                    for (Row r : rows) {
                        out.add(new Stored(
                                serviceId,
                                r.getString(0),
                                ObservationKeys.engineStatus(r.getShort(1)),
                                r.getOffsetDateTime(2).toInstant()));
                    }
                    return out;
                });
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
