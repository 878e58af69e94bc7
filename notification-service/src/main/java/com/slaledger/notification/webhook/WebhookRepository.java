package com.slaledger.notification.webhook;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The webhook table: subscriptions, one row each. */
@ApplicationScoped
public class WebhookRepository {

    /** A new subscription, or the old one replaced (and enabled again); a null secret keeps the old one. */
    private static final String UPSERT = "INSERT INTO webhook"
            + " (id, url, events, contracts, format, secret, enabled, disabled_reason, created_at, updated_at)"
            + " VALUES ($1, $2, $3, $4, $5, $6, true, NULL, $7, $7)"
            + " ON CONFLICT (id) DO UPDATE SET url = EXCLUDED.url, events = EXCLUDED.events,"
            + " contracts = EXCLUDED.contracts, format = EXCLUDED.format,"
            + " secret = COALESCE(EXCLUDED.secret, webhook.secret), enabled = true, disabled_reason = NULL,"
            + " updated_at = EXCLUDED.updated_at"
            + " RETURNING *, (xmax = 0) AS created";

    private final Pool pool;

    public WebhookRepository(Pool pool) {
        this.pool = pool;
    }

    /** A subscription as stored by a PUT, and whether the PUT made it. */
    public record Stored(Webhook webhook, boolean created) {}

    /** Stores {@code w}; the row as it now stands. */
    public Uni<Stored> put(Webhook w, Instant now) {
        return pool.preparedQuery(UPSERT)
                .execute(Tuple.from(new Object[] {
                    w.id(),
                    w.url(),
                    String.join(",", w.events()),
                    w.contracts().isEmpty() ? null : String.join(",", w.contracts()),
                    w.format().wire(),
                    w.secret(),
                    utc(now)
                }))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new Stored(of(r), r.getBoolean("created"));
                });
    }

    /** The subscription {@code id}; null when there is none. */
    public Uni<Webhook> find(String id) {
        return pool.preparedQuery("SELECT * FROM webhook WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : of(rows.iterator().next()));
    }

    public Uni<List<Webhook>> list() {
        return pool.query("SELECT * FROM webhook ORDER BY id").execute().map(rows -> {
            List<Webhook> all = new java.util.ArrayList<>();
            rows.forEach(r -> all.add(of(r)));
            return all;
        });
    }

    /** Deletes the subscription and its delivery log; false when there was none. */
    public Uni<Boolean> delete(String id) {
        return pool.preparedQuery("DELETE FROM webhook WHERE id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The receiver said 410 Gone: nothing more is posted until an operator puts the subscription again. */
    public Uni<Void> disable(String id, String reason, Instant now) {
        return pool.preparedQuery(
                        "UPDATE webhook SET enabled = false, disabled_reason = $1, updated_at = $2 WHERE id = $3")
                .execute(Tuple.of(reason, utc(now), id))
                .replaceWithVoid();
    }

    static Webhook of(Row r) {
        return new Webhook(
                r.getString("id"),
                r.getString("url"),
                split(r.getString("events")),
                split(r.getString("contracts")),
                WebhookFormat.of(r.getString("format")),
                r.getString("secret"),
                r.getBoolean("enabled"),
                r.getString("disabled_reason"),
                r.getOffsetDateTime("created_at").toInstant(),
                r.getOffsetDateTime("updated_at").toInstant());
    }

    static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }

    static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }
}
