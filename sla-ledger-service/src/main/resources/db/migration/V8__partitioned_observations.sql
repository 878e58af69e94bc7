-- Storage made for the volume (SPEC §11, docs/architecture.md "Observation storage"): a year of
-- 3,500 services with three probes every 30 s is 3.7 billion observations. Rows are narrow (a
-- probe as a 4-byte key, the status as a small integer, the de-duplication key as a 64-bit hash
-- scoped to its probe and second) and partitioned by month of observed_at, so that a window reads
-- only its months and old months can be compacted or dropped as whole tables.

-- Every probe ever seen gets a small integer key.
ALTER TABLE probe ADD COLUMN probe_key INTEGER GENERATED ALWAYS AS IDENTITY;
ALTER TABLE probe ADD CONSTRAINT probe_key_unique UNIQUE (probe_key);

ALTER TABLE observation RENAME TO observation_old;
ALTER INDEX observation_by_service_time RENAME TO observation_old_by_service_time;
ALTER INDEX observation_by_probe_time RENAME TO observation_old_by_probe_time;

-- status: 0 UP, 1 DOWN, 2 DEGRADED. dedup_hash: the first 8 bytes of SHA-256 of the
-- de-duplication key; unique together with the probe and the second, where a tuple key
-- (service, probe, second, status) can only collide with itself.
CREATE TABLE observation (
    probe_key   INTEGER     NOT NULL,
    observed_at TIMESTAMPTZ NOT NULL,
    status      SMALLINT    NOT NULL CHECK (status BETWEEN 0 AND 2),
    dedup_hash  BIGINT      NOT NULL
) PARTITION BY RANGE (observed_at);

-- The only index: unique per probe, second and key; also serves "a probe's observations of a
-- window" and "a probe's last observation before a window".
CREATE UNIQUE INDEX observation_key ON observation (probe_key, observed_at, dedup_hash);

-- A client's eventId names one observation wherever it lies: the ids seen, with 128 bits of
-- their SHA-256 (the tuple keys need no such table). Kept for the late horizon (intake refuses
-- anything older), pruned with the observations' months.
CREATE TABLE observation_event (
    event_hash  UUID        PRIMARY KEY,
    observed_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX observation_event_by_time ON observation_event (observed_at);

-- The month partition holding an instant, created when missing (the fold calls it for the
-- months a batch touches before storing it; the migration for the months already stored).
CREATE FUNCTION observation_partition(at TIMESTAMPTZ) RETURNS TEXT
LANGUAGE plpgsql AS $$
DECLARE
    month_start TIMESTAMPTZ := date_trunc('month', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC';
    name        TEXT := 'observation_' || to_char(month_start AT TIME ZONE 'UTC', 'YYYY_MM');
BEGIN
    IF to_regclass(name) IS NULL THEN
        EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF observation FOR VALUES FROM (%L) TO (%L)',
                       name, month_start, month_start + INTERVAL '1 month');
    END IF;
    RETURN name;
END;
$$;

SELECT observation_partition(m) FROM (SELECT DISTINCT date_trunc('month', observed_at) AS m FROM observation_old) AS months;
SELECT observation_partition(now());

INSERT INTO observation (probe_key, observed_at, status, dedup_hash)
    SELECT p.probe_key, o.observed_at,
           CASE o.status WHEN 'UP' THEN 0 WHEN 'DOWN' THEN 1 ELSE 2 END,
           ('x' || substr(encode(sha256(convert_to(o.dedup_key, 'UTF8')), 'hex'), 1, 16))::bit(64)::bigint
    FROM observation_old o JOIN probe p ON p.service_id = o.service_id AND p.probe_id = o.probe_id
    ON CONFLICT DO NOTHING;

INSERT INTO observation_event (event_hash, observed_at)
    SELECT substr(encode(sha256(convert_to(dedup_key, 'UTF8')), 'hex'), 1, 32)::uuid, MIN(observed_at)
    FROM observation_old WHERE dedup_key LIKE 'id:%' GROUP BY 1;

DROP TABLE observation_old;
