package com.slaledger.notification.notice;

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

    private static final String CLAIM = "SELECT * FROM notice WHERE status = 'PENDING' AND next_attempt_at <= :now"
            + " ORDER BY created_at, id LIMIT :limit FOR UPDATE SKIP LOCKED";

    /** Creates the notice unless one with the same key exists: a redelivered event creates nothing. */
    public Uni<Boolean> createOnce(
            String key, String contractId, String period, NoticeKind kind, String payload, Instant now) {
        return getSession()
                .chain(s -> s.createNativeQuery(INSERT)
                        .setParameter("id", UUID.randomUUID().toString())
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

    public Uni<List<Notice>> ofContract(String contractId) {
        return list("contractId", Sort.by("createdAt").and("id"), contractId);
    }
}
