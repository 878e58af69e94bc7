-- Deliveries of signed help-desk webhooks already acted on, within the replay window (SPEC §12):
-- Jira's signature covers the body only, not a time, so a captured delivery could be sent again
-- to resolve a reopened ticket. Rows older than ticket.helpdesk.replay-window are deleted.
CREATE TABLE webhook_delivery (
    source       VARCHAR(16)  NOT NULL,
    delivery_id  VARCHAR(160) NOT NULL,
    received_at  TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (source, delivery_id)
);
CREATE INDEX webhook_delivery_received_at ON webhook_delivery (received_at);
