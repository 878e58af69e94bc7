-- notification-service's view of each contract, from the compacted contracts topic.
CREATE TABLE contract_view (
    contract_id   VARCHAR(64)  PRIMARY KEY,
    version       BIGINT       NOT NULL,
    customer_name VARCHAR(500) NOT NULL,
    notice_emails TEXT         NOT NULL,   -- comma-separated addresses
    updated_at    TIMESTAMPTZ  NOT NULL
);

-- Every notice owed to a customer, stored before it is sent; idempotency_key makes it unique
-- per (contract, period, kind, tier or statement version) (SPEC §8).
CREATE TABLE notice (
    id              VARCHAR(36)  PRIMARY KEY,
    idempotency_key VARCHAR(300) NOT NULL UNIQUE,
    contract_id     VARCHAR(64)  NOT NULL,
    period          VARCHAR(7)   NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    payload         TEXT         NOT NULL,  -- the event that caused it, as JSON
    recipients      TEXT,                   -- comma-separated; set when first rendered
    subject         VARCHAR(500),
    body_text       TEXT,
    body_html       TEXT,
    status          VARCHAR(16)  NOT NULL,
    attempts        INTEGER      NOT NULL DEFAULT 0,
    last_error      VARCHAR(2000),
    next_attempt_at TIMESTAMPTZ  NOT NULL,
    created_at      TIMESTAMPTZ  NOT NULL,
    sent_at         TIMESTAMPTZ
);
CREATE INDEX notice_due ON notice (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX notice_by_contract ON notice (contract_id, created_at);
