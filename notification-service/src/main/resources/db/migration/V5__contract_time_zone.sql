-- The contract's time zone, so that the statement mail's PDF reads the period and its instants in
-- the customer's time (null for a contract not seen again since: read as UTC).
ALTER TABLE contract_view ADD COLUMN timezone VARCHAR(64);
