package com.slaledger.notification.notice;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class NoticeRepository implements PanacheRepositoryBase<Notice, String> {

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
