package com.slaledger.events;

import java.time.Instant;

/**
 * A maintenance window the customer is told of (SPEC §18): announced, reminded, changed or
 * cancelled. Published once per (window, notice), keyed by {@code contractId}; the notification
 * service mails it (kind MAINTENANCE) to the contract's {@code noticeEmails}.
 *
 * @param uid the window's calendar identity (the feed's UID), stable across contract versions
 * @param stage ANNOUNCED, REMINDER, CHANGED or CANCELLED
 * @param noticeKey what makes the notice once per window: the stage, for CHANGED with the revision
 * @param period the period (YYYY-MM, contract's zone) the window starts in
 * @param previousStart the window's start before its last change (CHANGED only, else null)
 * @param previousEnd its end before that change (CHANGED only, else null)
 */
public record MaintenanceNoticed(
        String contractId,
        String uid,
        String stage,
        String noticeKey,
        String period,
        Instant start,
        Instant end,
        String reason,
        Instant previousStart,
        Instant previousEnd,
        Instant at) {

    /** The window's length in seconds. */
    public long seconds() {
        return end.getEpochSecond() - start.getEpochSecond();
    }

    /** The key under which this notice is published and mailed exactly once. */
    public String idempotencyKey() {
        return contractId + "/" + period + "/MAINTENANCE/" + uid + "/" + noticeKey;
    }
}
