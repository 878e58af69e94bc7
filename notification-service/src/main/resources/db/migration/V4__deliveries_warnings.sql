-- Delivery per recipient (SPEC §8): a recipient the SMTP server rejects for good (5xx) is FAILED,
-- the others still get the notice; a temporary failure (4xx, no connection) keeps it PENDING.
CREATE TABLE notice_delivery (
    notice_id  VARCHAR(36)   NOT NULL REFERENCES notice (id),
    recipient  VARCHAR(254)  NOT NULL,
    status     VARCHAR(16)   NOT NULL,
    reply      VARCHAR(1000),
    updated_at TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (notice_id, recipient)
);

-- A subject may not be longer than a mail header line can carry; the renderer cuts it, and the
-- column no longer can refuse one (a refused subject blocked the claim of every notice).
ALTER TABLE notice ALTER COLUMN subject TYPE TEXT;

-- Warnings before a breach go to the provider's own addresses (the contract's alerts.emails).
ALTER TABLE contract_view ADD COLUMN alert_emails TEXT NOT NULL DEFAULT '';
