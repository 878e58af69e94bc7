-- Every health observation the ledger has folded, once per de-duplication key (SPEC §5.1).
CREATE TABLE observation (
    dedup_key   VARCHAR(300) PRIMARY KEY,
    service_id  VARCHAR(64)  NOT NULL,
    probe_id    VARCHAR(64)  NOT NULL,
    status      VARCHAR(16)  NOT NULL,
    observed_at TIMESTAMPTZ  NOT NULL,
    received_at TIMESTAMPTZ  NOT NULL
);

CREATE INDEX observation_by_service_time ON observation (service_id, observed_at);
