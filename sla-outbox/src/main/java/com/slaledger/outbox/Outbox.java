package com.slaledger.outbox;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.slaledger.events.EventJson;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Records an event for publication. Call it inside the transaction that makes the change the
 * event announces: both commit or neither does, and {@link OutboxRelay} publishes after commit.
 */
@ApplicationScoped
public class Outbox {

    private final Clock clock;

    public Outbox(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> add(String topic, String key, Object event) {
        OutboxMessage message = new OutboxMessage();
        message.topic = topic;
        message.key = key;
        message.payload = json(event);
        message.createdAt = clock.instant();
        return Panache.getSession().chain(session -> session.persist(message));
    }

    /**
     * The set-based add, for a message per row of a relation in one statement (thousands of
     * evaluation triggers when an outage touches thousands of contracts): an {@code INSERT} of one
     * message per row of {@code relation} (aliased {@code t}), keyed by {@code keyExpression}, with
     * {@code payloadExpression} as its JSON text and {@code createdAtExpression} (a bind parameter
     * holding the service's clock) as its time. The caller embeds it in its own statement (after a
     * {@code WITH}, so that the rows it adds for come from the same transaction).
     */
    public static String insertEach(
            String topic, String relation, String keyExpression, String payloadExpression, String createdAtExpression) {
        return "INSERT INTO outbox_message (topic, message_key, payload, created_at)"
                + " SELECT '" + topic + "', " + keyExpression + ", " + payloadExpression + ", CAST("
                + createdAtExpression + " AS timestamptz) FROM " + relation + " AS t ORDER BY " + keyExpression;
    }

    private static String json(Object event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }
}
