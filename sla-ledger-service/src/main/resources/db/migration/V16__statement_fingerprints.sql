-- What a cached statement is checked against (StatementCache): a version per service and UTC day,
-- bumped by every fold for the day of the earliest observation it stored of the service (so the
-- versions of the days up to a statement's last day change whenever an observation that can
-- reach that statement arrives, and today's observations leave closed periods alone), and a
-- version per contract, bumped in the transaction of every change of its tickets, terms, duty
-- evidence or its services' registry rules.
CREATE TABLE service_day_change (
    service_id VARCHAR(64) NOT NULL,
    day        DATE        NOT NULL,
    version    BIGINT      NOT NULL,
    PRIMARY KEY (service_id, day)
);

CREATE TABLE contract_input (
    contract_id VARCHAR(64) PRIMARY KEY,
    version     BIGINT      NOT NULL
);
