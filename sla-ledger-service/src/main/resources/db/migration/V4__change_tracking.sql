-- What changed since the evaluator last looked. Folding bumps a service's version (so cached
-- monitored down-time is reloaded) and lowers changed_since to the earliest instant it touched
-- (so every period from there on is re-evaluated: late events change the periods they touch).
CREATE TABLE service_state (
    service_id    VARCHAR(64) PRIMARY KEY,
    version       BIGINT      NOT NULL,
    changed_since TIMESTAMPTZ
);

-- The same for a contract's tickets and terms.
CREATE TABLE contract_change (
    contract_id   VARCHAR(64) PRIMARY KEY,
    changed_since TIMESTAMPTZ NOT NULL
);
