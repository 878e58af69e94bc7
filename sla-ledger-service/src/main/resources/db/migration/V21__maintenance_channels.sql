-- The calendar feed's key per contract (SPEC §18): calendar programs cannot send a bearer token,
-- so the feed is also served to ?key=; replacing the key ends the old one.
CREATE TABLE feed_key (
    contract_id VARCHAR(64)  PRIMARY KEY,
    feed_key    VARCHAR(64)  NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ  NOT NULL
);

-- Maintenance notices sent (SPEC §18): once per window (uid) and notice (ANNOUNCED, REMINDER,
-- CANCELLED, or CHANGED:<revision>); revision is the window's revision the notice told of.
CREATE TABLE maintenance_notice (
    contract_id VARCHAR(64)   NOT NULL,
    uid         VARCHAR(200)  NOT NULL,
    notice_key  VARCHAR(32)   NOT NULL,
    stage       VARCHAR(16)   NOT NULL,
    revision    INTEGER       NOT NULL,
    window_start TIMESTAMPTZ  NOT NULL,
    window_end  TIMESTAMPTZ   NOT NULL,
    sent_at     TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (contract_id, uid, notice_key),
    CHECK (stage IN ('ANNOUNCED', 'REMINDER', 'CHANGED', 'CANCELLED'))
);
