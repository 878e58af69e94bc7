-- Subjects up to 1,000 characters (SPEC §11); help desks' longer subjects are cut to that.
ALTER TABLE ticket ALTER COLUMN subject TYPE VARCHAR(1000);
