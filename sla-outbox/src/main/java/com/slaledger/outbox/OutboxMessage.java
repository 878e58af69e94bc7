package com.slaledger.outbox;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event waiting to be published, written in the same transaction as the state change it
 * announces. A service using the outbox configures the outgoing channel {@code outbox}
 * (smallrye-kafka, String key and value serializers, acks=all) and creates the table:
 *
 * <pre>
 * CREATE TABLE outbox_message (
 *     id           BIGSERIAL PRIMARY KEY,
 *     topic        VARCHAR(200) NOT NULL,
 *     message_key  VARCHAR(300) NOT NULL,
 *     payload      TEXT NOT NULL,
 *     created_at   TIMESTAMPTZ NOT NULL,
 *     published_at TIMESTAMPTZ
 * );
 * CREATE INDEX outbox_message_pending ON outbox_message (id) WHERE published_at IS NULL;
 * </pre>
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String topic;

    @Column(name = "message_key")
    public String key;

    /** The event as JSON (EventJson). */
    public String payload;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "published_at")
    public Instant publishedAt;
}
