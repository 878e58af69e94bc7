-- Exclusions (SPEC §16.1): time taken out of a contract's down-sets after approval, for any
-- period. Proposed by one operator, decided once (approved or rejected), by another unless
-- ledger.exclusions.approval is SELF. services: the covered services it names, comma-separated.
CREATE TABLE exclusion (
    exclusion_id VARCHAR(36)   PRIMARY KEY,
    contract_id  VARCHAR(64)   NOT NULL,
    start_at     TIMESTAMPTZ   NOT NULL,
    end_at       TIMESTAMPTZ   NOT NULL,
    category     VARCHAR(32)   NOT NULL,
    reason       VARCHAR(1000) NOT NULL,
    services     TEXT          NOT NULL,
    reference    VARCHAR(200),
    status       VARCHAR(16)   NOT NULL,
    proposed_by  VARCHAR(256)  NOT NULL,
    proposed_at  TIMESTAMPTZ   NOT NULL,
    decided_by   VARCHAR(256),
    decided_at   TIMESTAMPTZ,
    note         VARCHAR(1000),
    CHECK (end_at > start_at),
    CHECK (status IN ('PROPOSED', 'APPROVED', 'REJECTED'))
);

CREATE INDEX exclusion_by_contract ON exclusion (contract_id, status, start_at);
