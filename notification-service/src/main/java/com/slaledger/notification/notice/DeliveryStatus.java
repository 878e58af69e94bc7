package com.slaledger.notification.notice;

/**
 * One recipient's side of a notice: SENT (the SMTP server took it), FAILED (refused for good, a 5xx
 * reply) or PENDING (not tried yet, or a temporary failure to retry).
 */
public enum DeliveryStatus {
    PENDING,
    SENT,
    FAILED
}
