-- When an operator last asked for a notice to be sent again: a notice is resent at most once per
-- notification.resend-interval, whichever instance is asked.
ALTER TABLE notice ADD COLUMN last_resend_at TIMESTAMPTZ;
