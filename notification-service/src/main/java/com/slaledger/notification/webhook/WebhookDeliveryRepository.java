package com.slaledger.notification.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import static com.slaledger.notification.webhook.WebhookRepository.utc;

/**
 * The webhook_delivery table: one row per (notice, subscription), its id the {@code webhook-id}
 * of every attempt. Claimed and leased like a notice (NoticeRepository): a claim takes due rows
 * with FOR UPDATE SKIP LOCKED, counts the attempt and pushes the next one out by the lease in the
 * same transaction; outcomes are recorded only while the row is still that attempt's.
 */
@ApplicationScoped
public class WebhookDeliveryRepository {

    /**
     * A delivery for every enabled subscription that wants the notice's kind and contract, for the
     * notices of {@code keys}; run in the transaction that stores them, so that a notice and its
     * deliveries are stored together. Its id: {@code msg_} and 32 hex digits of the notice and
     * subscription, the same however often the event comes.
     */
    private static final String FAN_OUT = "INSERT INTO webhook_delivery"
            + " (id, webhook_id, notice_id, contract_id, kind, status, attempts, next_attempt_at, created_at)"
            + " SELECT 'msg_' || md5(n.id || '/' || w.id), w.id, n.id, n.contract_id, n.kind, 'PENDING', 0, :now, :now"
            + " FROM notice n JOIN webhook w ON w.enabled AND n.kind = ANY (string_to_array(w.events, ','))"
            + " AND (w.contracts IS NULL OR n.contract_id = ANY (string_to_array(w.contracts, ',')))"
            + " WHERE n.idempotency_key IN (:keys)"
            + " ON CONFLICT (webhook_id, notice_id) DO NOTHING";

    private static final String CLAIM = "SELECT d.id, d.webhook_id, d.attempts, d.notice_id, w.url, w.format,"
            + " w.secret, n.kind, n.contract_id, n.period, n.payload, n.created_at"
            + " FROM webhook_delivery d JOIN webhook w ON w.id = d.webhook_id JOIN notice n ON n.id = d.notice_id"
            + " WHERE d.status = 'PENDING' AND d.next_attempt_at <= $1 AND w.enabled"
            + " ORDER BY d.created_at, d.id LIMIT $2 FOR UPDATE OF d SKIP LOCKED";

    private static final String LEASE =
            "UPDATE webhook_delivery SET attempts = attempts + 1, next_attempt_at = $1 WHERE id = ANY ($2)";

    private static final String OUTCOME = "UPDATE webhook_delivery SET status = $1, last_status = $2,"
            + " last_error = $3, next_attempt_at = $4,"
            + " delivered_at = CASE WHEN $1 = 'DELIVERED' THEN $5 ELSE delivered_at END"
            + " WHERE id = $6 AND attempts = $7 AND status = 'PENDING'";

    private final Pool pool;

    public WebhookDeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    /** Makes the deliveries of the notices of {@code keys}, in the caller's Hibernate transaction. */
    public Uni<Integer> fanOut(List<String> keys, Instant now) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return Panache.getSession().chain(s -> s.createNativeQuery(FAN_OUT)
                .setParameter("now", now)
                .setParameter("keys", keys)
                .executeUpdate());
    }

    /** A delivery claimed for one attempt: what to post where, and the attempt it is. */
    public record Claimed(
            String id,
            String webhookId,
            int attempt,
            String url,
            WebhookFormat format,
            String secret,
            String noticeId,
            String kind,
            String contractId,
            String period,
            String payload,
            Instant noticedAt) {}

    /** Up to {@code limit} due deliveries, each with its attempt counted and leased until {@code until}. */
    public Uni<List<Claimed>> claim(Instant now, int limit, Instant until) {
        return pool.withTransaction(
                c -> c.preparedQuery(CLAIM).execute(Tuple.of(utc(now), limit)).chain(rows -> {
                    List<Claimed> due = new ArrayList<>();
                    for (Row r : rows) {
                        due.add(new Claimed(
                                r.getString("id"),
                                r.getString("webhook_id"),
                                r.getInteger("attempts") + 1,
                                r.getString("url"),
                                WebhookFormat.of(r.getString("format")),
                                r.getString("secret"),
                                r.getString("notice_id"),
                                r.getString("kind"),
                                r.getString("contract_id"),
                                r.getString("period"),
                                r.getString("payload"),
                                r.getOffsetDateTime("created_at").toInstant()));
                    }
                    if (due.isEmpty()) {
                        return Uni.createFrom().item(due);
                    }
                    String[] ids = due.stream().map(Claimed::id).toArray(String[]::new);
                    return c.preparedQuery(LEASE)
                            .execute(Tuple.of(utc(until), ids))
                            .replaceWith(due);
                }));
    }

    /**
     * What attempt {@code attempt} of delivery {@code id} came to: {@code status} (PENDING to try
     * again at {@code next}), the receiver's HTTP status (null: no answer) and the error.
     */
    public Uni<Boolean> outcome(
            String id,
            int attempt,
            WebhookDeliveryStatus status,
            Integer httpStatus,
            String error,
            Instant next,
            Instant now) {
        return pool.preparedQuery(OUTCOME)
                .execute(Tuple.from(new Object[] {status.name(), httpStatus, error, utc(next), utc(now), id, attempt}))
                .map(rows -> rows.rowCount() == 1);
    }

    /** One row of a subscription's delivery log. */
    public record Logged(
            String webhookMessageId,
            String noticeId,
            String contractId,
            String kind,
            WebhookDeliveryStatus status,
            int attempts,
            Integer lastStatus,
            String lastError,
            Instant nextAttemptAt,
            Instant createdAt,
            Instant deliveredAt) {}

    /** A page of subscription {@code webhookId}'s deliveries, newest first. */
    public Uni<List<Logged>> log(String webhookId, int offset, int count) {
        return pool.preparedQuery("SELECT * FROM webhook_delivery WHERE webhook_id = $1"
                        + " ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT $3")
                .execute(Tuple.of(webhookId, offset, count))
                .map(rows -> {
                    List<Logged> page = new ArrayList<>();
                    for (Row r : rows) {
                        WebhookDeliveryStatus status = WebhookDeliveryStatus.valueOf(r.getString("status"));
                        page.add(new Logged(
                                r.getString("id"),
                                r.getString("notice_id"),
                                r.getString("contract_id"),
                                r.getString("kind"),
                                status,
                                r.getInteger("attempts"),
                                r.getInteger("last_status"),
                                r.getString("last_error"),
                                status == WebhookDeliveryStatus.PENDING
                                        ? r.getOffsetDateTime("next_attempt_at").toInstant()
                                        : null,
                                r.getOffsetDateTime("created_at").toInstant(),
                                r.getOffsetDateTime("delivered_at") == null
                                        ? null
                                        : r.getOffsetDateTime("delivered_at").toInstant()));
                    }
                    return page;
                });
    }
}
