-- ticket-service's own view of the contracts, from the ledger's compacted topic sla.contracts:
-- enough to tell whether a ticket's contract exists and covers its service.
CREATE TABLE contract_view (
    contract_id VARCHAR(64) PRIMARY KEY,
    version     BIGINT      NOT NULL,
    services    TEXT        NOT NULL,   -- comma-separated service ids
    updated_at  TIMESTAMPTZ NOT NULL
);
