-- Bounded reads (SPEC §11: cost does not grow with history). A statement reads the observations of
-- its window and, per probe, the last one before it: this index finds that one observation
-- without scanning the probe's history, and the probe table lists the probes to ask (and which
-- services were ever observed at all).
CREATE INDEX observation_by_probe_time ON observation (service_id, probe_id, observed_at);

CREATE TABLE probe (
    service_id VARCHAR(64) NOT NULL,
    probe_id   VARCHAR(64) NOT NULL,
    PRIMARY KEY (service_id, probe_id)
);
INSERT INTO probe (service_id, probe_id) SELECT DISTINCT service_id, probe_id FROM observation;

-- Tickets are read by the window they overlap.
CREATE INDEX ledger_ticket_by_contract_time ON ledger_ticket (contract_id, reported_at);
