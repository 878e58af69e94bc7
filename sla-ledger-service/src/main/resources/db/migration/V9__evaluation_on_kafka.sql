-- Evaluation driven by events (docs/architecture.md, "Evaluation"): a contract is evaluated when
-- something that can change its result happened (a fold of one of its services' observations, a
-- ticket, a change of terms) or at an instant the engine computed; never in a round over all.

-- Which contracts a service's observations concern: every service any version of a contract
-- covered (past periods are computed with the terms then in force).
CREATE TABLE contract_service (
    service_id  VARCHAR(64) NOT NULL,
    contract_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (service_id, contract_id)
);
INSERT INTO contract_service (service_id, contract_id)
    SELECT DISTINCT jsonb_array_elements_text(document::jsonb -> 'services'), contract_id FROM contract_version
    ON CONFLICT DO NOTHING;

-- When a mark was set, or last handed to Kafka: a mark whose trigger was lost (the topic's
-- retention passed while the ledger was down) is handed on again by the due scanner.
ALTER TABLE contract_change ADD COLUMN marked_at TIMESTAMPTZ NOT NULL DEFAULT now();
CREATE INDEX contract_change_by_marked ON contract_change (marked_at);

-- The next instant at which a contract's result changes with time alone (an ongoing outage
-- exhausting the allowance, reaching a tier or a warning threshold; a period's end; a statement's
-- grace running out), as the engine computed at its last evaluation.
CREATE TABLE contract_due (
    contract_id VARCHAR(64) PRIMARY KEY,
    due_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX contract_due_by_time ON contract_due (due_at);

-- Every existing contract is evaluated once when this version first starts.
INSERT INTO contract_due (contract_id, due_at) SELECT contract_id, now() FROM contract;

-- The services' own marks are no longer handed on in rounds: folds mark the contracts directly.
ALTER TABLE service_state DROP COLUMN changed_since;

-- The evaluator claims (deletes) a mark in the transaction that evaluates the contract; a change
-- committed after that sets a new mark. No version is needed to tell them apart.
ALTER TABLE contract_change DROP COLUMN version;
