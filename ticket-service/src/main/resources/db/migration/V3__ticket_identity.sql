-- A ticket is identified by where it came from (its help desk, or the API), its contract and the
-- help desk's id: the same externalId under two contracts is two tickets, and one customer's
-- ticket is never found through another's. Tickets stored before this carry their source in the
-- externalId prefix the webhooks give them.
ALTER TABLE ticket ADD COLUMN source VARCHAR(16) NOT NULL DEFAULT 'API';
UPDATE ticket SET source = 'ZENDESK' WHERE external_id LIKE 'zendesk:%';
UPDATE ticket SET source = 'JIRA' WHERE external_id LIKE 'jira:%';
ALTER TABLE ticket ALTER COLUMN source DROP DEFAULT;
ALTER TABLE ticket DROP CONSTRAINT ticket_external_id_key;
CREATE UNIQUE INDEX ticket_identity ON ticket (source, contract_id, external_id);
