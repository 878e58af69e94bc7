-- Pauses of a ticket's support clock (SPEC §16.4) as folded from ticket-service's events: the
-- union of every pause and unpause seen, so that order and repeats do not matter.
CREATE TABLE ledger_ticket_pause (
    ticket_id VARCHAR(64) NOT NULL,
    at        TIMESTAMPTZ NOT NULL,
    paused    BOOLEAN     NOT NULL,
    PRIMARY KEY (ticket_id, at, paused)
);
