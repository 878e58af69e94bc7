-- Duty evidence from agents (SPEC §13.3), once per de-duplication key; and which contracts
-- promise which duty (every version's duties), so that evidence marks the contracts it concerns.
CREATE TABLE duty_event (
    dedup_key    VARCHAR(300) PRIMARY KEY,
    duty_id      VARCHAR(64)  NOT NULL,
    outcome      VARCHAR(8)   NOT NULL CHECK (outcome IN ('SUCCESS', 'FAILURE')),
    completed_at TIMESTAMPTZ  NOT NULL
);
CREATE INDEX duty_event_by_duty_time ON duty_event (duty_id, completed_at);

CREATE TABLE contract_duty (
    duty_id     VARCHAR(64) NOT NULL,
    contract_id VARCHAR(64) NOT NULL,
    PRIMARY KEY (duty_id, contract_id)
);
