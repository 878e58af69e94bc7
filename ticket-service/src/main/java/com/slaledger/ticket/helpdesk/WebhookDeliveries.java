package com.slaledger.ticket.helpdesk;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import com.slaledger.ticket.TicketConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The signed deliveries already acted on (table webhook_delivery), so that a captured one sent
 * again within the replay window changes nothing. A delivery is remembered before it is acted on
 * and forgotten again when acting on it fails, so the help desk's own retry of a failed delivery
 * still goes through.
 */
@ApplicationScoped
public class WebhookDeliveries {

    private final Clock clock;
    private final TicketConfig.Helpdesk config;

    public WebhookDeliveries(Clock clock, TicketConfig config) {
        this.clock = clock;
        this.config = config.helpdesk();
    }

    /** When {@code deliveryId} of {@code source} was first received within the window; null if this is the first time. */
    public Uni<Instant> remember(String source, String deliveryId) {
        Instant now = clock.instant();
        OffsetDateTime before = OffsetDateTime.ofInstant(now.minus(config.replayWindow()), ZoneOffset.UTC);
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                        "DELETE FROM webhook_delivery WHERE received_at < :before")
                .setParameter("before", before)
                .executeUpdate()
                .chain(() -> s.createNativeQuery("INSERT INTO webhook_delivery (source, delivery_id, received_at)"
                                + " VALUES (:source, :id, :at) ON CONFLICT DO NOTHING")
                        .setParameter("source", source)
                        .setParameter("id", deliveryId)
                        .setParameter("at", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .executeUpdate())
                .chain(inserted -> inserted == 1
                        ? Uni.createFrom().nullItem()
                        : s.createNativeQuery(
                                        "SELECT received_at FROM webhook_delivery WHERE source = :source AND delivery_id = :id",
                                        OffsetDateTime.class)
                                .setParameter("source", source)
                                .setParameter("id", deliveryId)
                                .getSingleResult()
                                .map(OffsetDateTime::toInstant))));
    }

    /** Acting on the delivery failed: the help desk may send it again. */
    public Uni<Void> forget(String source, String deliveryId) {
        return Panache.withTransaction(() -> Panache.getSession().chain(s -> s.createNativeQuery(
                                "DELETE FROM webhook_delivery WHERE source = :source AND delivery_id = :id")
                        .setParameter("source", source)
                        .setParameter("id", deliveryId)
                        .executeUpdate()))
                .replaceWithVoid();
    }
}
