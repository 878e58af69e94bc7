-- Months of observations compacted (docs/architecture.md, "Compaction"): once a month lies
-- entirely beyond the late horizon, no observation can be added to it; its rows are reduced to
-- what the counting rules need, and the month is recorded here so that it is done once.
CREATE TABLE observation_compaction (
    month        DATE        PRIMARY KEY,
    rows_before  BIGINT      NOT NULL,
    rows_after   BIGINT      NOT NULL,
    compacted_at TIMESTAMPTZ NOT NULL
);
