package com.slaledger.notification.notice;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Each notice's delivery per recipient ({@code notice_delivery}). */
@ApplicationScoped
public class DeliveryRepository {

    private static final String UPSERT = "INSERT INTO notice_delivery (notice_id, recipient, status, reply, updated_at)"
            + " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (notice_id, recipient) DO UPDATE SET"
            + " status = EXCLUDED.status, reply = EXCLUDED.reply, updated_at = EXCLUDED.updated_at";

    private final Pool pool;

    public DeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    /** The deliveries of the notices, by notice id and recipient (in the order they were first tried). */
    public Uni<Map<String, Map<String, Delivery>>> of(List<String> noticeIds) {
        if (noticeIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(
                                "SELECT notice_id, recipient, status, reply FROM notice_delivery"
                                        + " WHERE notice_id IN (:ids) ORDER BY notice_id, updated_at, recipient",
                                Object[].class)
                        .setParameter("ids", noticeIds)
                        .getResultList())
                .map(rows -> {
                    Map<String, Map<String, Delivery>> out = new HashMap<>();
                    for (Object[] r : rows) {
                        out.computeIfAbsent((String) r[0], k -> new LinkedHashMap<>())
                                .put(
                                        (String) r[1],
                                        new Delivery(
                                                (String) r[1], DeliveryStatus.valueOf((String) r[2]), (String) r[3]));
                    }
                    return out;
                });
    }

    /** Records a recipient's outcome on its own statement (outcomes are recorded as they come). */
    public Uni<Void> record(String noticeId, Delivery d, Instant now) {
        return pool.preparedQuery(UPSERT)
                .execute(Tuple.of(
                        noticeId, d.recipient(), d.status().name(), cut(d.reply()), now.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    /** Forgets a notice's deliveries: it goes to the contract's current recipients again. Inside a session. */
    public Uni<Void> forget(String noticeId) {
        return Panache.getSession()
                .chain(s -> s.createNativeQuery("DELETE FROM notice_delivery WHERE notice_id = :id")
                        .setParameter("id", noticeId)
                        .executeUpdate())
                .replaceWithVoid();
    }

    static List<Delivery> list(Map<String, Delivery> byRecipient) {
        return byRecipient == null ? List.of() : new ArrayList<>(byRecipient.values());
    }

    private static String cut(String s) {
        return s == null || s.length() <= 1000 ? s : s.substring(0, 1000);
    }
}
