-- Shortfalls of every element of the agreement (SPEC §13.4): availability once per credit tier,
-- the others (support targets, duties) once per (contract, period, element), with what was agreed
-- and measured when it fell short. Availability figures are kept for availability rows only.
ALTER TABLE shortfall ADD COLUMN element VARCHAR(80) NOT NULL DEFAULT 'availability';
ALTER TABLE shortfall ADD COLUMN agreed TEXT;
ALTER TABLE shortfall ADD COLUMN measured TEXT;
ALTER TABLE shortfall ADD COLUMN decided_at TIMESTAMPTZ;
ALTER TABLE shortfall DROP CONSTRAINT shortfall_pkey;
ALTER TABLE shortfall ADD PRIMARY KEY (contract_id, period, element, credit_percent);
