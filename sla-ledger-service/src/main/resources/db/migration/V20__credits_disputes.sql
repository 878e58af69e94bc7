-- Credits (SPEC §17): one CREDIT per (contract, period), created when the period's statement is
-- first final with a credit, and ADJUSTMENTs when an applied credit's statement changes. The
-- status moves by the engine's rules (Credits); each move is a row of credit_history.
CREATE TABLE credit (
    credit_id          VARCHAR(36)   PRIMARY KEY,
    contract_id        VARCHAR(64)   NOT NULL,
    period             VARCHAR(7)    NOT NULL,
    kind               VARCHAR(16)   NOT NULL,
    credit_percent     NUMERIC(9, 4) NOT NULL,
    amount             NUMERIC(19, 2),
    currency           VARCHAR(3),
    statement_version  INTEGER       NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    claim_deadline     TIMESTAMPTZ,
    invoice_reference  VARCHAR(200),
    created_at         TIMESTAMPTZ   NOT NULL,
    updated_at         TIMESTAMPTZ   NOT NULL,
    CHECK (kind IN ('CREDIT', 'ADJUSTMENT')),
    CHECK (status IN ('PENDING_CLAIM', 'DUE', 'APPROVED', 'APPLIED', 'EXPIRED', 'VOID'))
);
-- one CREDIT per period; adjustments are as many as the applied credit's statement changes
CREATE UNIQUE INDEX credit_one_per_period ON credit (contract_id, period) WHERE kind = 'CREDIT';
CREATE INDEX credit_by_status ON credit (status, period, contract_id);
CREATE INDEX credit_pending ON credit (contract_id, claim_deadline) WHERE status = 'PENDING_CLAIM';

CREATE TABLE credit_history (
    credit_id VARCHAR(36)    NOT NULL REFERENCES credit (credit_id),
    seq       INTEGER        NOT NULL,
    at        TIMESTAMPTZ    NOT NULL,
    actor     VARCHAR(256)   NOT NULL,
    status    VARCHAR(16)    NOT NULL,
    amount    NUMERIC(19, 2),
    note      VARCHAR(1000),
    PRIMARY KEY (credit_id, seq)
);

-- Disputes (SPEC §17): the customer says it was down in [start, end); once accepted the time is
-- downtime (rule 4b) in every period it touches. services: comma-separated (empty: every one).
CREATE TABLE dispute (
    dispute_id  VARCHAR(36)   PRIMARY KEY,
    contract_id VARCHAR(64)   NOT NULL,
    period      VARCHAR(7)    NOT NULL,
    start_at    TIMESTAMPTZ   NOT NULL,
    end_at      TIMESTAMPTZ   NOT NULL,
    services    TEXT          NOT NULL,
    description VARCHAR(1000) NOT NULL,
    reference   VARCHAR(200),
    status      VARCHAR(16)   NOT NULL,
    filed_by    VARCHAR(256)  NOT NULL,
    filed_at    TIMESTAMPTZ   NOT NULL,
    decided_by  VARCHAR(256),
    decided_at  TIMESTAMPTZ,
    note        VARCHAR(1000),
    CHECK (end_at > start_at),
    CHECK (status IN ('OPEN', 'ACCEPTED', 'REJECTED'))
);
CREATE INDEX dispute_by_contract ON dispute (contract_id, status, start_at);
CREATE INDEX dispute_by_status ON dispute (status, filed_at);
