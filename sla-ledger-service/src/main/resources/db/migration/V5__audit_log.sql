-- The append-only audit log of changes to contracts and services: who (the token's subject),
-- when, what, the document before and after, and a SHA-256 chain over every entry (AuditChain).
-- seq has no gaps: the next entry is numbered under a transaction-level advisory lock.
CREATE TABLE audit_entry (
    seq        BIGINT       PRIMARY KEY,
    at         TIMESTAMPTZ  NOT NULL,
    actor      VARCHAR(200) NOT NULL,
    action     VARCHAR(64)  NOT NULL,
    resource   VARCHAR(200) NOT NULL,
    before     TEXT,
    after      TEXT,
    prev_hash  CHAR(64)     NOT NULL,
    hash       CHAR(64)     NOT NULL
);
