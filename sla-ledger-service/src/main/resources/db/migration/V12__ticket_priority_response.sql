-- A ticket's priority (support targets, SPEC §13.2) and the provider's first response.
ALTER TABLE ledger_ticket ADD COLUMN priority VARCHAR(2) NOT NULL DEFAULT 'P3';
ALTER TABLE ledger_ticket ADD COLUMN responded_at TIMESTAMPTZ;
