-- Priorities and first responses (SPEC §5.2, §13.2): the priority chooses the support target.
ALTER TABLE ticket ADD COLUMN priority VARCHAR(2) NOT NULL DEFAULT 'P3';
ALTER TABLE ticket ADD COLUMN responded_at TIMESTAMPTZ;
