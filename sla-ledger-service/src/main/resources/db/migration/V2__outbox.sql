-- Events waiting for the outbox relay (module sla-outbox): contracts, shortfalls, statements.
CREATE TABLE outbox_message (
    id           BIGSERIAL PRIMARY KEY,
    topic        VARCHAR(200) NOT NULL,
    message_key  VARCHAR(300) NOT NULL,
    payload      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_message_pending ON outbox_message (id) WHERE published_at IS NULL;
