package com.slaledger.ledger.observation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.slaledger.ledger.LedgerConfig;
import com.slaledger.support.scheduling.Ticker;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Compacts months of observations that can no longer change (SPEC §11): a month whose end lies
 * further back than the late horizon plus the grace time (intake refuses anything older, and its
 * periods are final). Per probe it keeps every observation whose status differs from the one
 * before or after it, and the first and last observation of every bucket of time ({@code
 * ledger.compaction-bucket}, 1 h, or the service's staleAfter if shorter). Between two kept
 * observations the status is then the same throughout and they lie less than a bucket apart, so
 * each probe's status at every second, fresh or stale, is what it was: every statement stays the
 * same to the byte (ObservationCompactionTest), while a probe reporting every 30 s keeps about 2
 * of 120 observations an hour. The month's partition is rebuilt as a new table and swapped in
 * (detach, attach, drop) at the end of one transaction, so readers see either the old or the new
 * month, and the old one's space goes back to the disk at once. One instance at a time (an
 * advisory lock); each month once ({@code observation_compaction}). The eventIds of those
 * months are forgotten too: no observation of them can arrive any more.
 */
@ApplicationScoped
public class ObservationCompaction {

    private final Pool pool;
    private final LedgerConfig config;
    private final Clock clock;
    private Ticker ticker;

    public ObservationCompaction(Pool pool, LedgerConfig config, Clock clock) {
        this.pool = pool;
        this.config = config;
        this.clock = clock;
    }

    void start(@Observes StartupEvent event) {
        ticker = Ticker.start(
                "observation-compaction", config.compactionInterval(), config.compactionInterval(), this::scheduled);
    }

    void stop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.close();
        }
    }

    Uni<Void> scheduled() {
        return compact(clock.instant())
                .onFailure()
                .invoke(e -> Log.warnf(e, "compaction failed; it is tried again in %s", config.compactionInterval()))
                .onFailure()
                .recoverWithNull()
                .replaceWithVoid();
    }

    /** What one month's compaction did. */
    public record Compacted(YearMonth month, long rowsBefore, long rowsAfter) {}

    /** The months that can be compacted as of {@code now}: the last day of each before the cut-off. */
    public Instant cutoff(Instant now) {
        return now.minus(config.lateHorizon()).minus(config.grace());
    }

    /** Compacts every month ended before the cut-off and not compacted yet, oldest first. */
    public Uni<List<Compacted>> compact(Instant now) {
        Instant cutoff = cutoff(now);
        return pool.withTransaction(
                        conn -> conn.query("SELECT pg_try_advisory_xact_lock(hashtext('observation-compaction'))")
                                .execute()
                                .chain(lock -> {
                                    if (!lock.iterator().next().getBoolean(0)) {
                                        return Uni.createFrom().item(List.<Compacted>of());
                                    }
                                    return due(conn, cutoff).chain(months -> compactAll(conn, months));
                                }))
                .call(done -> done.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : pool.preparedQuery("DELETE FROM observation_event WHERE observed_at < $1")
                                .execute(Tuple.of(OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC)))
                                .replaceWithVoid());
    }

    /** The month partitions that end before the cut-off and were not compacted. */
    private static Uni<List<YearMonth>> due(SqlConnection conn, Instant cutoff) {
        return conn.query("SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid"
                        + " WHERE i.inhparent = 'observation'::regclass ORDER BY c.relname")
                .execute()
                .chain(rows -> conn.query("SELECT month FROM observation_compaction")
                        .execute()
                        .map(done -> {
                            List<LocalDate> compacted = new ArrayList<>();
                            done.forEach(r -> compacted.add(r.getLocalDate(0)));
                            List<YearMonth> out = new ArrayList<>();
                            for (Row r : rows) {
                                YearMonth m = month(r.getString(0));
                                if (m != null
                                        && !m.plusMonths(1)
                                                .atDay(1)
                                                .atStartOfDay()
                                                .toInstant(ZoneOffset.UTC)
                                                .isAfter(cutoff)
                                        && !compacted.contains(m.atDay(1))) {
                                    out.add(m);
                                }
                            }
                            return out;
                        }));
    }

    /** observation_YYYY_MM as a month; null for anything else. */
    static YearMonth month(String partition) {
        if (!partition.matches("observation_\\d{4}_\\d{2}")) {
            return null;
        }
        return YearMonth.of(Integer.parseInt(partition.substring(12, 16)), Integer.parseInt(partition.substring(17)));
    }

    private Uni<List<Compacted>> compactAll(SqlConnection conn, List<YearMonth> months) {
        List<Compacted> done = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (YearMonth m : months) {
            chain = chain.chain(() -> compactMonth(conn, m).invoke(done::add).replaceWithVoid());
        }
        return chain.replaceWith(done);
    }

    private Uni<Compacted> compactMonth(SqlConnection conn, YearMonth m) {
        String old = String.format("observation_%04d_%02d", m.getYear(), m.getMonthValue());
        String fresh = old + "_compacted";
        OffsetDateTime from = m.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime to = m.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        long bucket = config.compactionBucket().getSeconds();
        String keep = "INSERT INTO " + fresh + " (probe_key, observed_at, status, dedup_hash)"
                + " SELECT probe_key, observed_at, status, dedup_hash FROM ("
                + "  SELECT o.probe_key, o.observed_at, o.status, o.dedup_hash,"
                + "   lag(o.status) OVER w AS status_before, lead(o.status) OVER w AS status_after,"
                + "   row_number() OVER (PARTITION BY o.probe_key, o.bucket ORDER BY o.observed_at, o.status) AS first_in_bucket,"
                + "   row_number() OVER (PARTITION BY o.probe_key, o.bucket ORDER BY o.observed_at DESC, o.status DESC)"
                + "    AS last_in_bucket"
                + "  FROM (SELECT x.*, floor(extract(epoch FROM x.observed_at) / b.seconds)::bigint AS bucket"
                + "   FROM " + old + " x JOIN (SELECT p.probe_key,"
                + "    GREATEST(1, LEAST(COALESCE(NULLIF(s.stale_after_seconds, 0), " + bucket + "), " + bucket
                + ")) AS seconds"
                + "    FROM probe p LEFT JOIN monitored_service s ON s.service_id = p.service_id) b"
                + "   ON b.probe_key = x.probe_key) o"
                + "  WINDOW w AS (PARTITION BY o.probe_key ORDER BY o.observed_at, o.status)) k"
                + " WHERE first_in_bucket = 1 OR last_in_bucket = 1 OR status_before IS DISTINCT FROM status"
                + " OR status_after IS DISTINCT FROM status";
        long[] counts = new long[2];
        return conn.query("SELECT count(*) FROM " + old)
                .execute()
                .invoke(rows -> counts[0] = rows.iterator().next().getLong(0))
                .chain(() -> conn.query("CREATE TABLE " + fresh + " (LIKE " + old
                                + " INCLUDING DEFAULTS INCLUDING CONSTRAINTS)")
                        .execute())
                .chain(() -> conn.query(keep).execute())
                .invoke(rows -> counts[1] = rows.rowCount())
                .chain(() -> conn.query("ALTER TABLE " + fresh + " ADD CONSTRAINT " + fresh + "_range CHECK"
                                + " (observed_at >= '" + from + "' AND observed_at < '" + to + "')")
                        .execute())
                .chain(() -> conn.query("CREATE UNIQUE INDEX ON " + fresh + " (probe_key, observed_at, dedup_hash)")
                        .execute())
                .chain(() -> conn.query("ALTER TABLE observation DETACH PARTITION " + old)
                        .execute())
                .chain(() -> conn.query("ALTER TABLE observation ATTACH PARTITION " + fresh + " FOR VALUES FROM ('"
                                + from + "') TO ('" + to + "')")
                        .execute())
                .chain(() -> conn.query("DROP TABLE " + old).execute())
                .chain(() ->
                        conn.query("ALTER TABLE " + fresh + " RENAME TO " + old).execute())
                .chain(() -> conn.query("ALTER TABLE " + old + " DROP CONSTRAINT " + fresh + "_range")
                        .execute())
                .chain(() -> conn.preparedQuery("INSERT INTO observation_compaction (month, rows_before, rows_after,"
                                + " compacted_at) VALUES ($1, $2, $3, $4)")
                        .execute(Tuple.of(
                                m.atDay(1),
                                counts[0],
                                counts[1],
                                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))))
                .map(x -> {
                    Log.infof("compacted observations of %s: %d rows kept of %d", m, counts[1], counts[0]);
                    return new Compacted(m, counts[0], counts[1]);
                });
    }
}
