-- Support tickets as forwarded by help desks (SPEC §5.2); external_id is the help desk's id.
CREATE TABLE ticket (
    id           VARCHAR(36)  PRIMARY KEY,
    external_id  VARCHAR(128) NOT NULL UNIQUE,
    contract_id  VARCHAR(64)  NOT NULL,
    service_id   VARCHAR(64)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    subject      VARCHAR(500),
    reported_at  TIMESTAMPTZ  NOT NULL,
    resolved_at  TIMESTAMPTZ,
    created_at   TIMESTAMPTZ  NOT NULL,
    version      INTEGER      NOT NULL
);
CREATE INDEX ticket_by_contract ON ticket (contract_id, reported_at);

-- Ticket events waiting for the outbox relay (module sla-outbox).
CREATE TABLE outbox_message (
    id           BIGSERIAL PRIMARY KEY,
    topic        VARCHAR(200) NOT NULL,
    message_key  VARCHAR(300) NOT NULL,
    payload      TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL,
    published_at TIMESTAMPTZ
);
CREATE INDEX outbox_message_pending ON outbox_message (id) WHERE published_at IS NULL;
