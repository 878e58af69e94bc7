-- The audit log against whoever holds the ledger's database credentials (SPEC §12):
-- each entry is signed with a key the database does not hold (AuditChain.sign; entries written
-- before this version have none), and the table refuses UPDATE, DELETE and TRUNCATE from every
-- role, the service's own included. The table's owner could still disable the triggers; the
-- signatures and the head anchored on Kafka (sla.audit-heads) are what shows a rewrite then.
ALTER TABLE audit_entry ADD COLUMN signature CHAR(64);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on audit_entry is not allowed', TG_OP;
END
$$;

CREATE TRIGGER audit_entry_no_update_or_delete BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_append_only();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();

REVOKE UPDATE, DELETE, TRUNCATE ON audit_entry FROM PUBLIC;
