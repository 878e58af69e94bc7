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

    private static String json(Object event) {
        try {
            return EventJson.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "cannot serialise " + event.getClass().getSimpleName(), e);
        }
    }
}
