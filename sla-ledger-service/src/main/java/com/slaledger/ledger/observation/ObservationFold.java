package com.slaledger.ledger.observation;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.ledger.change.ChangeMarkRepository;
import com.slaledger.ledger.change.KnowledgeHorizon;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import org.apache.kafka.common.TopicPartition;

/**
 * Stores a batch of observations with set-based statements in one transaction: the probes named
 * (each gets its small integer key), the client eventIds not seen before, the new observations
 * (a key already stored, or repeated in the batch, changes nothing), each touched service's change
 * mark (version + 1, earliest instant touched; see ChangeMarkRepository) and how far the
 * partitions were folded. Works on the reactive SQL client directly: one round trip per statement
 * however large the batch. Before the transaction, the month partitions the batch touches are
 * created if this instance has not seen them yet (docs/architecture.md, "Observation storage").
 */
@ApplicationScoped
public class ObservationFold {

    private static final String PROBES = "INSERT INTO probe (service_id, probe_id)"
            + " SELECT DISTINCT * FROM unnest($1::varchar[], $2::varchar[]) ON CONFLICT DO NOTHING";

    /** The client eventIds not seen before (RETURNING lists only the new ones). */
    private static final String EVENTS = "INSERT INTO observation_event (event_hash, observed_at)"
            + " SELECT * FROM unnest($1::uuid[], $2::timestamptz[]) ON CONFLICT DO NOTHING RETURNING event_hash";

    private static final String INSERT = "INSERT INTO observation (probe_key, observed_at, status, dedup_hash)"
            + " SELECT p.probe_key, u.at, u.st, u.h"
            + " FROM unnest($1::varchar[], $2::varchar[], $3::timestamptz[], $4::int2[], $5::int8[]) AS u(s, pr, at, st, h)"
            + " JOIN probe p ON p.service_id = u.s AND p.probe_id = u.pr"
            + " ON CONFLICT DO NOTHING";

    private final Pool pool;

    /** Month partitions known to exist (epoch second of the month's start, UTC). */
    private final Set<Long> partitions = ConcurrentHashMap.newKeySet();

    private final Clock clock;

    public ObservationFold(Pool pool, Clock clock) {
        this.pool = pool;
        this.clock = clock;
    }

    /**
     * Stores the observations and, in the same transaction, how far the partitions were folded
     * ({@code nextOffsets}, KnowledgeHorizon). Returns how many observations were new.
     */
    public Uni<Integer> fold(List<ObservationRecord> events, Map<TopicPartition, Long> nextOffsets) {
        return partitionsFor(events)
                .chain(() -> pool.withTransaction(conn -> probes(conn, events)
                        .chain(() -> newEvents(conn, events))
                        .chain(fresh -> insert(conn, fresh))
                        .call(() -> mark(conn, events, clock.instant()))
                        .call(() -> KnowledgeHorizon.folded(conn, nextOffsets))));
    }

    /** Creates the month partitions the batch touches that this instance has not seen yet. */
    private Uni<Void> partitionsFor(List<ObservationRecord> events) {
        TreeSet<Long> months = new TreeSet<>();
        for (ObservationRecord e : events) {
            long month = ObservationKeys.monthStart(e.observedMicros());
            if (!partitions.contains(month)) {
                months.add(month);
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (long month : months) {
            chain = chain.chain(() -> pool.preparedQuery("SELECT observation_partition($1)")
                    .execute(Tuple.of(utc(Instant.ofEpochSecond(month))))
                    .invoke(() -> partitions.add(month))
                    .replaceWithVoid());
        }
        return chain;
    }

    /**
     * The batch without the observations whose client eventId was stored before (or comes earlier
     * in the batch): an eventId names one observation wherever it lies (SPEC §5.1).
     */
    private static Uni<List<ObservationRecord>> newEvents(SqlConnection conn, List<ObservationRecord> events) {
        Map<UUID, OffsetDateTime> ids = new LinkedHashMap<>();
        for (ObservationRecord e : events) {
            if (ObservationKeys.isEventId(e.dedupKey())) {
                ids.putIfAbsent(ObservationKeys.eventHash(e.dedupKey()), utc(e.observedMicros()));
            }
        }
        if (ids.isEmpty()) {
            return Uni.createFrom().item(events);
        }
        return conn.preparedQuery(EVENTS)
                .execute(
                        Tuple.of(ids.keySet().toArray(UUID[]::new), ids.values().toArray(OffsetDateTime[]::new)))
                .map(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    rows.forEach(r -> fresh.add(r.getUUID(0)));
                    List<ObservationRecord> out = new ArrayList<>(events.size());
                    for (ObservationRecord e : events) {
                        if (!ObservationKeys.isEventId(e.dedupKey())
                                || fresh.remove(ObservationKeys.eventHash(e.dedupKey()))) {
                            out.add(e);
                        }
                    }
                    return out;
                });
    }

    private static Uni<Integer> insert(SqlConnection conn, List<ObservationRecord> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        int n = events.size();
        String[] services = new String[n];
        String[] probes = new String[n];
        OffsetDateTime[] observed = new OffsetDateTime[n];
        Short[] statuses = new Short[n];
        Long[] hashes = new Long[n];
        for (int i = 0; i < n; i++) {
            ObservationRecord e = events.get(i);
            services[i] = e.serviceId();
            probes[i] = e.probeId();
            observed[i] = utc(e.observedMicros());
            statuses[i] = ObservationKeys.status(e.status());
            hashes[i] = ObservationKeys.dedupHash(e.dedupKey());
        }
        return conn.preparedQuery(INSERT)
                .execute(Tuple.of(services, probes, observed, statuses, hashes))
                .map(rows -> rows.rowCount());
    }

    /** The probes the batch names: each gets its key, and the bounded reads ask each for its last observation. */
    private static Uni<Void> probes(SqlConnection conn, List<ObservationRecord> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        TreeSet<String> pairs = new TreeSet<>();
        for (ObservationRecord e : events) {
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
    private static Uni<Void> mark(SqlConnection conn, List<ObservationRecord> events, Instant now) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, Long> earliestMicros = new HashMap<>();
        for (ObservationRecord e : events) {
            earliestMicros.merge(e.serviceId(), e.observedMicros(), Math::min);
        }
        Map<String, Instant> earliest = new HashMap<>();
        earliestMicros.forEach((service, micros) -> earliest.put(service, ObservationRecord.ofMicros(micros)));
        return ChangeMarkRepository.servicesChanged(conn, earliest, now);
    }

    private static OffsetDateTime utc(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static OffsetDateTime utc(long micros) {
        return utc(ObservationRecord.ofMicros(micros));
    }
}
