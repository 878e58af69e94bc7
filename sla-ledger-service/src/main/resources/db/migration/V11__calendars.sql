-- Business calendars (SPEC §13.1): the document as PUT (weekly local working hours, holidays,
-- time zone). 24x7 is built in and never stored.
CREATE TABLE calendar (
    calendar_id VARCHAR(64)  PRIMARY KEY,
    document    TEXT         NOT NULL,
    version     BIGINT       NOT NULL,
    updated_at  TIMESTAMPTZ  NOT NULL
);
