package com.slaledger.ledger.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.events.AuditAnchored;
import com.slaledger.events.Topics;
import com.slaledger.ledger.LedgerConfig;
import com.slaledger.outbox.Outbox;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Appends to and reads the audit log. Each entry is signed with the audit key (outside the
 * database) and its head anchored on Kafka (AuditAnchors). An entry is appended in the transaction of the change it
 * records, so both commit or neither does; appends are serialised by a transaction-level advisory
 * lock, so the chain never forks and sequence numbers have no gaps.
 */
@ApplicationScoped
public class AuditRepository {

    /** The advisory lock key of the audit log ("audit" in ASCII). */
    private static final long LOCK = 0x6175646974L;

    private static final String LAST = "SELECT seq, hash FROM audit_entry ORDER BY seq DESC LIMIT 1";
    private static final String INSERT = "INSERT INTO audit_entry"
            + " (seq, at, actor, action, resource, before, after, prev_hash, hash, signature)"
            + " VALUES (:seq, :at, :actor, :action, :resource, :before, :after, :prev, :hash, :signature)";
    private static final String PAGE =
            "SELECT seq, at, actor, action, resource, before, after, prev_hash, hash, signature"
                    + " FROM audit_entry WHERE seq > :after ORDER BY seq LIMIT :limit";

    private final Clock clock;
    private final Outbox outbox;
    private final String key;

    public AuditRepository(Clock clock, Outbox outbox, LedgerConfig config) {
        this.clock = clock;
        this.outbox = outbox;
        this.key = config.auditKey();
    }

    /** Records a change inside the caller's transaction. */
    public Uni<Void> append(String actor, String action, String resource, String before, String after) {
        // milliseconds: what PostgreSQL stores and gives back unchanged, so the hash can be checked
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("SELECT pg_advisory_xact_lock(" + LOCK + ")")
                        .getSingleResult()
                        .chain(() -> s.createNativeQuery(LAST, Object[].class).getResultList())
                        .chain(last -> {
                            long seq = last.isEmpty() ? 1 : ((Number) last.get(0)[0]).longValue() + 1;
                            String prev = last.isEmpty() ? AuditChain.GENESIS : ((String) last.get(0)[1]).trim();
                            var fields =
                                    new AuditChain.Fields(seq, at.toString(), actor, action, resource, before, after);
                            String hash = AuditChain.hash(prev, fields);
                            String signature = AuditChain.sign(key, seq, hash);
                            return s.createNativeQuery(INSERT)
                                    .setParameter("seq", seq)
                                    .setParameter("at", at)
                                    .setParameter("actor", actor)
                                    .setParameter("action", action)
                                    .setParameter("resource", resource)
                                    .setParameter("before", before)
                                    .setParameter("after", after)
                                    .setParameter("prev", prev)
                                    .setParameter("hash", hash)
                                    .setParameter("signature", signature)
                                    .executeUpdate()
                                    // the head, outside the database: deleting the newest entries shows
                                    .chain(() -> outbox.add(
                                            Topics.AUDIT_HEADS,
                                            AuditAnchors.KEY,
                                            new AuditAnchored(seq, hash, signature, at)));
                        }))
                .replaceWithVoid();
    }

    /** Entries after sequence number {@code after}, oldest first, at most {@code limit}. */
    public Uni<List<AuditChain.Stored>> page(long after, int limit) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(PAGE, Object[].class)
                        .setParameter("after", after)
                        .setParameter("limit", limit)
                        .getResultList())
                .map(rows -> {
                    List<AuditChain.Stored> out = new ArrayList<>(rows.size());
                    for (Object[] r : rows) {
                        out.add(new AuditChain.Stored(
                                new AuditChain.Fields(
                                        ((Number) r[0]).longValue(),
                                        instant(r[1]).toString(),
                                        (String) r[2],
                                        (String) r[3],
                                        (String) r[4],
                                        (String) r[5],
                                        (String) r[6]),
                                ((String) r[7]).trim(),
                                ((String) r[8]).trim(),
                                r[9] == null ? null : ((String) r[9]).trim()));
                    }
                    return out;
                });
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
