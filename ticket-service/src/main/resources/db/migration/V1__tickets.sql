-- Support tickets as forwarded by help desks (SPEC §5.2); external_id is the help desk's id.
CREATE TABLE ticket (
    id           VARCHAR(36)  PRIMARY KEY,
    external_id  VARCHAR(128) NOT NULL UNIQUE,
    contract_id  VARCHAR(64)  NOT NULL,
    service_id   VARCHAR(64)  NOT NULL,
    kind         VARCHAR(16)  NOT NULL,
    subject      VARCHAR(500),
    reported_at  TIMESTAMPTZ  NOT NULL,
    resolved_at  TIMESTAMPTZ,
    created_at   TIMESTAMPTZ  NOT NULL,
    version      INTEGER      NOT NULL
);
CREATE INDEX ticket_by_contract ON ticket (contract_id, reported_at);
