package com.slaledger.notification.notice;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<Notice, String> {

    private static final String INSERT = "INSERT INTO notice"
            + " (id, idempotency_key, contract_id, period, kind, payload, status, attempts, next_attempt_at, created_at)"
            + " VALUES (:id, :key, :contract, :period, :kind, :payload, 'PENDING', 0, :now, :now)"
            + " ON CONFLICT (idempotency_key) DO NOTHING";

    /** Due notices, oldest first, but never one while an older notice of its contract is still pending. */
    private static final String CLAIM =
            "SELECT * FROM notice n WHERE n.status = 'PENDING' AND n.next_attempt_at <= :now"
                    + " AND NOT EXISTS (SELECT 1 FROM notice o WHERE o.contract_id = n.contract_id AND o.status = 'PENDING'"
                    + " AND (o.created_at, o.id) < (n.created_at, n.id))"
                    + " ORDER BY n.created_at, n.id LIMIT :limit FOR UPDATE SKIP LOCKED";

    /**
     * Creates the notice unless one with the same key exists: a redelivered event creates nothing.
     * The id (and so the mail's Message-ID) is derived from the key, so a notice created again
     * after a restore from backup carries the Message-ID of the first copy.
     */
    public Uni<Boolean> createOnce(
            String key, String contractId, String period, NoticeKind kind, String payload, Instant now) {
        return getSession()
                .chain(s -> s.createNativeQuery(INSERT)
                        .setParameter(
                                "id",
                                UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8))
                                        .toString())
                        .setParameter("key", key)
                        .setParameter("contract", contractId)
                        .setParameter("period", period)
                        .setParameter("kind", kind.name())
                        .setParameter("payload", payload)
                        .setParameter("now", now)
                        .executeUpdate())
                .map(rows -> rows == 1);
    }

    /** Locks up to {@code limit} due notices, oldest first, skipping rows another instance holds. */
    public Uni<List<Notice>> claimDue(Instant now, int limit) {
        return getSession().chain(s -> s.createNativeQuery(CLAIM, Notice.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
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

    /** A page of a contract's notices, oldest first. */
    public Uni<List<Notice>> ofContract(String contractId, int offset, int count) {
        return find("contractId", Sort.by("createdAt").and("id"), contractId)
                .range(offset, offset + count - 1)
                .list();
    }
}
