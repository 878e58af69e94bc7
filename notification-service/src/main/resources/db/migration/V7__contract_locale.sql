-- The contract's language (SPEC §18): its notices, statement mail and PDF are written in it
-- (null for a contract not seen again since: English).
ALTER TABLE contract_view ADD COLUMN locale VARCHAR(8);
