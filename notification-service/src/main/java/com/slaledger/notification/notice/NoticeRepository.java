package com.slaledger.notification.notice;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<Notice, String> {

    /**
     * The lease on one notice, taken again the moment its mails go out: only while the notice is
     * still this attempt's. Outcomes are recorded on the same condition.
     */
    private static final String LEASE =
            "UPDATE notice SET next_attempt_at = $1 WHERE id = $2 AND attempts = $3 AND status = 'PENDING'";

    private static final String RETRY =
            "UPDATE notice SET last_error = $1, next_attempt_at = $2 WHERE id = $3 AND attempts = $4";

    /** A settled notice: its status (DeliveryPolicy.settled), and when it was first sent. */
    private static final String SETTLED = "UPDATE notice SET last_error = NULL, status = $1,"
            + " sent_at = CASE WHEN $1 = 'SENT' THEN COALESCE(sent_at, $2) ELSE sent_at END"
            + " WHERE id = $3 AND attempts = $4";

    private final Pool pool;

    public NoticeRepository(Pool pool) {
        this.pool = pool;
    }

    /** Due notices, oldest first, but never one while an older notice of its contract is still pending. */
    private static final String CLAIM =
            "SELECT * FROM notice n WHERE n.status = 'PENDING' AND n.next_attempt_at <= :now"
                    + " AND NOT EXISTS (SELECT 1 FROM notice o WHERE o.contract_id = n.contract_id AND o.status = 'PENDING'"
                    + " AND (o.created_at, o.id) < (n.created_at, n.id))"
                    + " ORDER BY n.created_at, n.id LIMIT :limit FOR UPDATE SKIP LOCKED";

    /** A notice to create from one event: its idempotency key, contract, period, kind and the event's JSON. */
    public record NewNotice(String key, String contractId, String period, NoticeKind kind, String payload) {}

    /**
     * Creates each notice unless one with its key exists, in one statement (a poll's worth of events
     * in one round trip): a redelivered event creates nothing. The id (and so the mail's Message-ID)
     * is derived from the key, so a notice created again after a restore from backup carries the
     * Message-ID of the first copy. Returns how many were new.
     */
    public Uni<Integer> createAll(List<NewNotice> notices, Instant now) {
        // a key twice: the first; each later notice a microsecond younger, so that a contract's
        // notices are claimed in the order of their events (claims order by created_at)
        Map<String, NewNotice> byKey = new LinkedHashMap<>();
        notices.forEach(n -> byKey.putIfAbsent(n.key(), n));
        List<NewNotice> rows = List.copyOf(byKey.values());
        if (rows.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        StringBuilder sql = new StringBuilder("INSERT INTO notice"
                + " (id, idempotency_key, contract_id, period, kind, payload, status, attempts, next_attempt_at, created_at)"
                + " VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ")
                    .append("(:id")
                    .append(i)
                    .append(", :key")
                    .append(i)
                    .append(", :contract")
                    .append(i)
                    .append(", :period")
                    .append(i)
                    .append(", :kind")
                    .append(i)
                    .append(", :payload")
                    .append(i)
                    .append(", 'PENDING', 0, :now, :created")
                    .append(i)
                    .append(")");
        }
        sql.append(" ON CONFLICT (idempotency_key) DO NOTHING");
        return getSession().chain(s -> {
            var q = s.createNativeQuery(sql.toString()).setParameter("now", now);
            for (int i = 0; i < rows.size(); i++) {
                NewNotice n = rows.get(i);
                q.setParameter("id" + i, idOf(n.key()))
                        .setParameter("key" + i, n.key())
                        .setParameter("contract" + i, n.contractId())
                        .setParameter("period" + i, n.period())
                        .setParameter("kind" + i, n.kind().name())
                        .setParameter("payload" + i, n.payload())
                        .setParameter("created" + i, now.plusNanos(1000L * i));
            }
            return q.executeUpdate();
        });
    }

    private static String idOf(String key) {
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Locks up to {@code limit} due notices, oldest first, skipping rows another instance holds. */
    public Uni<List<Notice>> claimDue(Instant now, int limit) {
        return getSession().chain(s -> s.createNativeQuery(CLAIM, Notice.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** Takes the notice's lease until {@code until} for attempt {@code attempts}; false when another attempt holds it. */
    public Uni<Boolean> lease(String noticeId, int attempts, Instant until) {
        return pool.preparedQuery(LEASE)
                .execute(Tuple.of(utc(until), noticeId, attempts))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Attempt {@code attempts} left recipients to try: {@code error}, and the next attempt at {@code next}. */
    public Uni<Void> retry(String noticeId, int attempts, String error, Instant next) {
        return pool.preparedQuery(RETRY)
                .execute(Tuple.of(error, utc(next), noticeId, attempts))
                .replaceWithVoid();
    }

    /** Attempt {@code attempts} settled the notice as {@code status} at {@code now}. */
    public Uni<Void> settled(String noticeId, int attempts, NoticeStatus status, Instant now) {
        return pool.preparedQuery(SETTLED)
                .execute(Tuple.of(status.name(), utc(now), noticeId, attempts))
                .replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    /** When the oldest notice not sent yet was created; null with none. */
    public Uni<Instant> oldestPending() {
        return getSession()
                .chain(s -> s.createQuery("select min(createdAt) from Notice where status = :s", Instant.class)
                        .setParameter("s", NoticeStatus.PENDING)
                        .getSingleResultOrNull());
    }

    public Uni<Long> countPending() {
        return count("status", NoticeStatus.PENDING);
    }

    /**
     * The latest notice of each of the contracts (none for a contract without any), by contract;
     * without the provider's own WARNING notices unless {@code withWarnings}.
     */
    public Uni<List<Notice>> latestOf(List<String> contractIds, boolean withWarnings) {
        if (contractIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return getSession().chain(s -> s.createNativeQuery(
                        "SELECT DISTINCT ON (contract_id) * FROM notice WHERE contract_id IN (:ids)"
                                + (withWarnings ? "" : " AND kind <> 'WARNING'")
                                + " ORDER BY contract_id, created_at DESC, id DESC",
                        Notice.class)
                .setParameter("ids", contractIds)
                .getResultList());
    }

    /**
     * A page of a contract's notices, oldest first; without {@code withWarnings} (a customer's
     * view, SPEC §12) the provider's own WARNING notices are left out.
     */
    public Uni<List<Notice>> ofContract(String contractId, boolean withWarnings, int offset, int count) {
        var query = withWarnings
                ? find("contractId", Sort.by("createdAt").and("id"), contractId)
                : find(
                        "contractId = ?1 and kind <> ?2",
                        Sort.by("createdAt").and("id"),
                        contractId,
                        NoticeKind.WARNING);
        return query.range(offset, offset + count - 1).list();
    }
}
