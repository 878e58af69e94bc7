package com.slaledger.ledger.observation;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.HealthObserved;
import com.slaledger.ledger.evaluation.ChangeMarkRepository;
import com.slaledger.ledger.evaluation.KnowledgeHorizon;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.common.TopicPartition;

/**
 * Stores a batch of observations with two set-based statements in one transaction: the new
 * observations (a key already stored, or repeated in the batch, changes nothing), and each
 * touched service's change mark (version + 1, earliest instant touched; see ChangeMarkRepository). Works on the reactive
 * SQL client directly: one round trip per statement however large the batch.
 */
@ApplicationScoped
public class ObservationFold {

    private static final String INSERT = "INSERT INTO observation"
            + " (dedup_key, service_id, probe_id, status, observed_at, received_at)"
            + " SELECT * FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[],"
            + " $5::timestamptz[], $6::timestamptz[])"
            + " ON CONFLICT (dedup_key) DO NOTHING";

    private final Pool pool;

    public ObservationFold(Pool pool) {
        this.pool = pool;
    }

    /**
     * Stores the observations and, in the same transaction, how far the partitions were folded
     * ({@code nextOffsets}, KnowledgeHorizon). Returns how many observations were new.
     */
    public Uni<Integer> fold(List<HealthObserved> events, Map<TopicPartition, Long> nextOffsets) {
        return pool.withTransaction(conn -> insert(conn, events)
                .call(() -> probes(conn, events))
                .chain(inserted -> mark(conn, events).replaceWith(inserted))
                .call(() -> KnowledgeHorizon.folded(conn, nextOffsets)));
    }

    private static Uni<Integer> insert(SqlConnection conn, List<HealthObserved> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = events.size();
        String[] keys = new String[n];
        String[] services = new String[n];
        String[] probes = new String[n];
        String[] statuses = new String[n];
        OffsetDateTime[] observed = new OffsetDateTime[n];
        OffsetDateTime[] received = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            HealthObserved e = events.get(i);
            keys[i] = e.dedupKey();
            services[i] = e.serviceId();
            probes[i] = e.probeId();
            statuses[i] = e.status().name();
            observed[i] = utc(e.observedAt());
            received[i] = utc(e.receivedAt() == null ? e.observedAt() : e.receivedAt());
        }
        return conn.preparedQuery(INSERT)
                .execute(Tuple.of(keys, services, probes, statuses, observed, received))
                .map(rows -> rows.rowCount());
    }

    private static final String PROBES = "INSERT INTO probe (service_id, probe_id)"
            + " SELECT DISTINCT * FROM unnest($1::varchar[], $2::varchar[]) ON CONFLICT DO NOTHING";

    /** The probes the batch names (the bounded reads ask each for its last observation before a window). */
    private static Uni<Void> probes(SqlConnection conn, List<HealthObserved> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        java.util.TreeSet<String> pairs = new java.util.TreeSet<>();
        for (HealthObserved e : events) {
            pairs.add(e.serviceId() + "\u0000" + e.probeId());
        }
        String[] services = new String[pairs.size()];
        String[] probes = new String[pairs.size()];
        int i = 0;
        for (String pair : pairs) {
            String[] parts = pair.split("\u0000", 2);
            services[i] = parts[0];
            probes[i] = parts[1];
            i++;
        }
        return conn.preparedQuery(PROBES).execute(Tuple.of(services, probes)).replaceWithVoid();
    }

    /** Each touched service's change mark (ChangeMarkRepository owns them). */
    private static Uni<Void> mark(SqlConnection conn, List<HealthObserved> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Instant> earliest = new HashMap<>();
        for (HealthObserved e : events) {
            earliest.merge(e.serviceId(), e.observedAt(), (a, b) -> a.isBefore(b) ? a : b);
        }
        return ChangeMarkRepository.servicesChanged(conn, earliest);
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
