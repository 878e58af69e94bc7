-- Every version of every contract (SPEC §7): a period is computed with the terms in force in it.
-- valid_from: the start of the period in which the version was stored (a change of terms takes
-- effect from the start of the current period); the first version also serves earlier periods.
CREATE TABLE contract_version (
    contract_id VARCHAR(64) NOT NULL,
    version     BIGINT      NOT NULL,
    valid_from  TIMESTAMPTZ NOT NULL,
    document    TEXT        NOT NULL,
    stored_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (contract_id, version)
);
INSERT INTO contract_version (contract_id, version, valid_from, document, stored_at)
    SELECT contract_id, version, created_at, document, updated_at FROM contract;

-- A contract's change mark is cleared only if nothing changed it since the evaluator read it:
-- every change bumps the version (clearing by value lost a change that left the same instant).
ALTER TABLE contract_change ADD COLUMN version BIGINT NOT NULL DEFAULT 1;

-- How far each partition of the topics the ledger folds has been folded (the next offset),
-- written in the transaction that stores the records: the knowledge horizon (SPEC §7).
CREATE TABLE fold_position (
    topic       VARCHAR(249) NOT NULL,
    partition   INTEGER      NOT NULL,
    next_offset BIGINT       NOT NULL,
    PRIMARY KEY (topic, partition)
);

-- Warnings before a breach, once per (contract, period, threshold) (SPEC §7).
CREATE TABLE warning (
    contract_id       VARCHAR(64)   NOT NULL,
    period            VARCHAR(7)    NOT NULL,
    threshold_percent NUMERIC(9, 4) NOT NULL,
    downtime_seconds  BIGINT        NOT NULL,
    allowance_seconds BIGINT        NOT NULL,
    detected_at       TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (contract_id, period, threshold_percent)
);

-- Rule 1a: a probe's observation holds this long at most (NULL: until its next observation).
ALTER TABLE monitored_service ADD COLUMN stale_after_seconds BIGINT;
