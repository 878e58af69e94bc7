-- Contracts: the current version of each, as the JSON document also published on sla.contracts.
CREATE TABLE contract (
    contract_id VARCHAR(64) PRIMARY KEY,
    version     BIGINT      NOT NULL,
    document    TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    updated_at  TIMESTAMPTZ NOT NULL
);

-- The optional service registry (SPEC §4): an unregistered service has a quorum of 1.
CREATE TABLE monitored_service (
    service_id  VARCHAR(64)  PRIMARY KEY,
    name        VARCHAR(200),
    down_quorum INTEGER      NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);

-- Tickets as folded from sla.tickets: the latest state of each.
CREATE TABLE ledger_ticket (
    ticket_id   VARCHAR(64)  PRIMARY KEY,
    contract_id VARCHAR(64)  NOT NULL,
    service_id  VARCHAR(64)  NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    reported_at TIMESTAMPTZ  NOT NULL,
    resolved_at TIMESTAMPTZ
);
CREATE INDEX ledger_ticket_by_contract ON ledger_ticket (contract_id);

-- Each shortfall (contract, period, credit tier) once (SPEC §7).
CREATE TABLE shortfall (
    contract_id       VARCHAR(64)   NOT NULL,
    period            VARCHAR(7)    NOT NULL,
    credit_percent    NUMERIC(9, 4) NOT NULL,
    downtime_seconds  BIGINT        NOT NULL,
    allowance_seconds BIGINT        NOT NULL,
    eligible_seconds  BIGINT        NOT NULL,
    availability_percent NUMERIC(9, 4) NOT NULL,
    detected_at       TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (contract_id, period, credit_percent)
);

-- Statements issued at period close, and their amendments.
CREATE TABLE issued_statement (
    contract_id VARCHAR(64) NOT NULL,
    period      VARCHAR(7)  NOT NULL,
    version     INTEGER     NOT NULL,
    fingerprint VARCHAR(64) NOT NULL,
    issued_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (contract_id, period, version)
);
