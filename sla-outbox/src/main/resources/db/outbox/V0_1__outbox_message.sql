-- The transactional outbox (module sla-outbox), the one definition for every service that has
-- one: events written in the same transaction as the change they announce, relayed to Kafka
-- after commit. A service takes it by adding db/outbox to quarkus.flyway.locations. Version 0.1
-- sorts before the service's own migrations (V1, V2, ...), which never touch this table.
CREATE TABLE outbox_message (
    id           BIGSERIAL PRIMARY KEY,
    topic        VARCHAR(200) NOT NULL,
    message_key  VARCHAR(300) NOT NULL,
    payload      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_message_pending ON outbox_message (id) WHERE published_at IS NULL;
