-- Webhook subscriptions (SPEC §18): where an operator wants the notices' events posted. The secret
-- is write-only: stored to sign with, never returned.
CREATE TABLE webhook (
    id              VARCHAR(64)   PRIMARY KEY,
    url             VARCHAR(2000) NOT NULL,
    events          TEXT          NOT NULL,   -- comma-separated notice kinds
    contracts       TEXT,                     -- comma-separated contract ids; null: every contract
    format          VARCHAR(16)   NOT NULL,   -- standard | slack
    secret          VARCHAR(200),             -- whsec_<base64>; null for slack
    enabled         BOOLEAN       NOT NULL,
    disabled_reason VARCHAR(500),
    created_at      TIMESTAMPTZ   NOT NULL,
    updated_at      TIMESTAMPTZ   NOT NULL
);

-- One delivery per (notice, subscription), made in the transaction that stores the notice. Its id
-- is the webhook-id header: the same on every retry. Sent like a notice: claimed, leased (attempts
-- + 1 and next_attempt_at pushed out) before the POST, the outcome recorded on the same attempt.
CREATE TABLE webhook_delivery (
    id              VARCHAR(40)   PRIMARY KEY,
    webhook_id      VARCHAR(64)   NOT NULL REFERENCES webhook (id) ON DELETE CASCADE,
    notice_id       VARCHAR(36)   NOT NULL REFERENCES notice (id),
    contract_id     VARCHAR(64)   NOT NULL,
    kind            VARCHAR(16)   NOT NULL,
    status          VARCHAR(16)   NOT NULL,   -- PENDING | DELIVERED | FAILED
    attempts        INTEGER       NOT NULL DEFAULT 0,
    last_status     INTEGER,                  -- the receiver's last HTTP status; null: no answer
    last_error      VARCHAR(2000),
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    created_at      TIMESTAMPTZ   NOT NULL,
    delivered_at    TIMESTAMPTZ,
    UNIQUE (webhook_id, notice_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_log ON webhook_delivery (webhook_id, created_at DESC);
