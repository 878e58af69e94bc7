-- Each contract's current period as its last evaluation saw it, for the per-contract metrics on
-- /q/metrics (SPEC §14): one narrow row per contract, written in the evaluation's transaction.
CREATE TABLE contract_current (
    contract_id          VARCHAR(64)   PRIMARY KEY,
    period               VARCHAR(7)    NOT NULL,
    availability_percent NUMERIC(9, 4) NOT NULL,
    allowance_seconds    BIGINT        NOT NULL,
    downtime_seconds     BIGINT        NOT NULL,
    elements_not_met     INT           NOT NULL,
    evaluated_at         TIMESTAMPTZ   NOT NULL
);
